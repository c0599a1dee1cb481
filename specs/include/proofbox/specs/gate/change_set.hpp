#pragma once
// Changed paths -> the repo objects they belong to.
//   cookbooks/DIR/..., site-cookbooks/DIR/...  cookbook (named by DIR's metadata, at HEAD or,
//                                             for a deleted directory, at the base)
//   cookbooks/chefignore (any file directly in a cookbook root)  every cookbook in that root
//   roles/R.json|.rb                          role R
//   environments/E.json|.rb                   environment E
//   data_bags/BAG/...                         data bag BAG
//   spec/functional/R.yml|.yaml               the functional spec of role R
//   spec/functional/ (anything else)          every role (a file the role specs share)
//   proofbox.yml|.yaml, .proofbox.yml|.yaml   every role (the harness configuration)
//   nodes/..., spec/unit/...                  noted only: unit specs run for every change
//   anything else                             noted as affecting no role
// A rename counts for both its old and its new path.
#include <map>
#include <string>
#include <vector>

#include "proofbox/specs/gate/git_changes.hpp"

namespace proofbox::specs::gate {

enum class ChangeKind {
  kCookbook,
  kRole,
  kEnvironment,
  kDataBag,
  kFunctionalSpec,  // name: the role
  kEveryRole,       // name: what it is ("harness configuration", "shared functional spec")
  kNoted,           // name: what it is ("nodes", "unit specs", "other")
};

std::string to_string(ChangeKind kind);

struct Change {
  ChangeKind kind = ChangeKind::kNoted;
  std::string name;
  // "cookbooks/x/recipes/default.rb modified", "roles/old.json renamed to roles/new.json",
  // or "differs from the base" when only the read objects differ (e.g. through a symlink).
  std::vector<std::string> paths;

  // "cookbook memcached changed (cookbooks/memcached/recipes/default.rb modified)"
  std::string describe() const;
};

// cookbook directory ("cookbooks/DIR") -> cookbook name
using CookbookDirs = std::map<std::string, std::string>;

// One Change per (kind, name), ordered by kind then name; paths in the order given.
std::vector<Change> classify_changes(const std::vector<GitChange>& changes,
                                     const CookbookDirs& head_dirs, const CookbookDirs& base_dirs);

// Adds `path_note` to the change of (kind, name), creating it when missing (keeps the order).
void add_change(std::vector<Change>& changes, ChangeKind kind, const std::string& name,
                const std::string& path_note);

}  // namespace proofbox::specs::gate
