#include "proofbox/zero/depsolver/org_universe.hpp"

namespace proofbox::zero::depsolver {

std::vector<Dependency> dependencies_of(const Json& cookbook_version) {
  std::vector<Dependency> deps;
  if (!cookbook_version.is_object()) return deps;
  auto meta = cookbook_version.find("metadata");
  if (meta == cookbook_version.end() || !meta->is_object()) return deps;
  auto found = meta->find("dependencies");
  if (found == meta->end() || !found->is_object()) return deps;
  for (const auto& [name, value] : found->items()) {
    Constraint c = model::kAnyVersion;
    if (value.is_string()) {
      if (auto parsed = model::parse_constraint(value.get_ref<const std::string&>(),
                                                model::ConstraintSyntax::chef_client)) {
        c = *parsed;
      }
    }
    deps.push_back(Dependency{name, c});
  }
  return deps;
}

Universe universe_from_org(const store::Org& org) {
  UniverseBuilder builder;
  constexpr std::string_view kPrefix = "cookbooks/";
  for (const std::string& name : org.kinds_with_prefix(kPrefix)) {
    auto versions = org.find(std::string(kPrefix) + name);
    if (!versions) continue;
    versions->for_each([&](const std::string& version_text, const store::Document& doc) {
      auto version = model::parse_version(version_text);
      if (!version || !doc) return;
      Json parsed = Json::parse(*doc, nullptr, /*allow_exceptions=*/false);
      builder.add(name, *version, dependencies_of(parsed));
    });
  }
  return builder.build();
}

}  // namespace proofbox::zero::depsolver
