#pragma once
// Internal: what the evaluators of each expectation kind share.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "proofbox/specs/expansion.hpp"
#include "proofbox/specs/loaded_repo.hpp"
#include "proofbox/specs/spec_model.hpp"
#include "proofbox/zero/depsolver/universe.hpp"
#include "proofbox/zero/search/catalog.hpp"

namespace proofbox::specs::detail {

// The repo with what every spec file needs built once: the cookbook universe and a role
// lookup.
class RepoContext {
 public:
  explicit RepoContext(const LoadedRepo& repo);
  const LoadedRepo& repo() const { return repo_; }
  const zero::depsolver::Universe& universe() const { return universe_; }
  const RoleLookup& roles() const { return roles_; }
  // The environment document, the _default one for "_default"; nullptr when unknown.
  const Json* environment(const std::string& name) const;
  // "_default" then the repo's environments, sorted.
  std::vector<std::string> environment_names() const;

 private:
  const LoadedRepo& repo_;
  zero::depsolver::Universe universe_;
  RoleLookup roles_;
  Json default_environment_;
};

// A node as chef-client would have saved it after a converge: role and environment attributes
// merged into default and override, automatic roles/recipes from the expansion.
Json converged_node(const RepoContext& ctx, const Json& node);

// One spec file's world: the repo plus its stub nodes and data bags.
class FileWorld {
 public:
  FileWorld(const RepoContext& ctx, const SpecFile& spec);
  const RepoContext& context() const { return ctx_; }
  // Problems resolving stubs (a nodes/ name that does not exist), "LINE: message".
  const std::vector<std::pair<int, std::string>>& stub_problems() const { return problems_; }
  // A stub node (or, when the file stubs none by that name, a repo node); nullptr if neither.
  const Json* node(const std::string& name) const;
  // A data bag item: the stubbed bag when the file stubs it, else the repo's.
  const Json* data_bag_item(const std::string& bag, const std::string& id) const;
  std::vector<std::string> data_bag_items(const std::string& bag) const;
  // The search catalog (built on first use).
  const zero::search::Catalog& catalog() const;

 private:
  const RepoContext& ctx_;
  std::map<std::string, Json> nodes_;                             // stub nodes by name
  std::map<std::string, std::map<std::string, Json>> stub_bags_;  // bag -> id -> item
  std::vector<std::pair<int, std::string>> problems_;
  mutable std::unique_ptr<zero::search::Catalog> catalog_;
};

struct Verdict {
  bool passed = true;
  std::string message;  // every failed check: the expectation and the actual value
  void fail(const std::string& line) {
    passed = false;
    if (!message.empty()) message += "\n";
    message += line;
  }
};

Verdict check_expansion(const FileWorld& world, const ExpansionSpec& spec);
Verdict check_solve(const FileWorld& world, const SolveSpec& spec);
Verdict check_search(const FileWorld& world, const SearchSpec& spec);
Verdict check_data_bag_item(const FileWorld& world, const DataBagItemSpec& spec);

std::string default_name(const Expectation& e);

// "[a, b, c]"
std::string list_text(const std::vector<std::string>& items);

}  // namespace proofbox::specs::detail
