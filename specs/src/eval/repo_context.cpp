#include "eval.hpp"
#include "proofbox/zero/depsolver/org_universe.hpp"
#include "proofbox/zero/model/environment.hpp"

namespace proofbox::specs::detail {

namespace depsolver = proofbox::zero::depsolver;
namespace model = proofbox::zero::model;

RepoContext::RepoContext(const LoadedRepo& repo)
    : repo_(repo), default_environment_(model::default_environment()) {
  depsolver::UniverseBuilder builder;
  for (const auto& [key, doc] : repo.data.cookbooks) {
    const auto name = doc.value("cookbook_name", std::string());
    auto version = model::parse_version(doc.value("version", std::string()));
    if (name.empty() || !version) continue;
    builder.add(name, *version, depsolver::dependencies_of(doc));
  }
  universe_ = builder.build();
  roles_ = [this](const std::string& name) { return repo_.role(name); };
}

const Json* RepoContext::environment(const std::string& name) const {
  if (const Json* env = repo_.environment(name)) return env;
  return name == "_default" ? &default_environment_ : nullptr;
}

std::vector<std::string> RepoContext::environment_names() const {
  std::vector<std::string> names{"_default"};
  for (const auto& [name, doc] : repo_.data.environments) {
    if (name != "_default") names.push_back(name);
  }
  return names;
}

std::string list_text(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

}  // namespace proofbox::specs::detail
