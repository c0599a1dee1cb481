// The name an expectation gets when it has no `it:`, short and saying what is checked.
#include "eval.hpp"

namespace proofbox::specs::detail {
namespace {

std::string subject_text(const ExpansionSpec& s) {
  std::string out;
  switch (s.subject) {
    case ExpansionSpec::Subject::kRole:
      out = "role[" + s.name + "]";
      break;
    case ExpansionSpec::Subject::kNode:
      out = "node " + s.name;
      break;
    case ExpansionSpec::Subject::kRunList:
      out = "run list " + s.run_list.dump();
      break;
  }
  if (s.environment) out += " in " + *s.environment;
  return out;
}

struct Namer {
  std::string operator()(const ExpansionSpec& s) const {
    std::vector<std::string> what;
    if (s.expands_to) what.push_back("expands to " + list_text(*s.expands_to));
    if (!s.includes.empty()) what.push_back("includes " + list_text(s.includes));
    if (!s.excludes.empty()) what.push_back("excludes " + list_text(s.excludes));
    if (s.roles) what.push_back("has roles " + list_text(*s.roles));
    if (!s.attributes.empty()) {
      std::vector<std::string> paths;
      for (const auto& a : s.attributes) paths.push_back(a.path_text);
      what.push_back("attributes " + list_text(paths));
    }
    std::string out = subject_text(s);
    for (std::size_t i = 0; i < what.size(); ++i) out += (i ? ", " : " ") + what[i];
    return out;
  }
  std::string operator()(const SolveSpec& s) const {
    std::string out;
    switch (s.target) {
      case SolveSpec::Target::kRole:
        out = "role[" + s.role + "]";
        break;
      case SolveSpec::Target::kRunList:
        out = "run list " + s.run_list.dump();
        break;
      case SolveSpec::Target::kAllRoles:
        out = "every role";
        break;
    }
    out += s.fails ? " fails to solve" : " solves";
    out += s.environments.empty() ? " in every environment" : " in " + list_text(s.environments);
    for (const auto& [cb, version] : s.versions) out += ", " + cb + " " + version;
    return out;
  }
  std::string operator()(const SearchSpec& s) const {
    return "search(" + s.index + ", \"" + s.query + "\") returns " + list_text(s.returns);
  }
  std::string operator()(const DataBagItemSpec& s) const {
    std::string out = "data bag item " + s.bag + "/" + s.item;
    if (!s.has_keys.empty()) out += " has keys " + list_text(s.has_keys);
    if (s.encrypted) {
      out += " decrypts";
      if (s.format) out += " (format " + std::to_string(*s.format) + ")";
      if (!s.decrypted_keys.empty()) out += " with keys " + list_text(s.decrypted_keys);
    }
    if (s.has_keys.empty() && !s.encrypted) out += " exists";
    return out;
  }
};

}  // namespace

std::string default_name(const Expectation& e) {
  if (!e.name.empty()) return e.name;
  return std::visit(Namer{}, e.spec);
}

}  // namespace proofbox::specs::detail
