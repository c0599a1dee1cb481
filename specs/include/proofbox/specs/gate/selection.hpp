#pragma once
// Which roles a change can affect, each with the reasons (a readable chain from the change to
// the role). The rules, applied to every role R defined at HEAD:
//   cookbook C changed      R reaches C (reach.hpp: nested roles, run_list and every
//                           env_run_lists entry, what proofbox.yml adds to R's converge run
//                           list, metadata depends transitively)
//   role X changed          X is R, or R nests X at any depth (also when X was deleted)
//   environment E changed   compared with the base:
//                           - a changed cookbook pin (cookbook_versions) of C: R reaches C;
//                           - changed attributes, or E added or deleted: R runs in E, i.e.
//                             the harness converges R in E (proofbox.yml `roles: R:
//                             environment:`, `_default` when not given), R or a role it nests
//                             has an env_run_lists entry for E, a node in nodes/ in E has R in
//                             its run list (nested or not), or R's functional spec names E.
//                             The first is what a converge actually uses; the others are
//                             signals of where R is deployed and only add roles;
//                           - only other fields (description): no role.
//                           Without a readable base, E counts as wholly changed.
//   data bag B changed      a cookbook R reaches reads B literally, mentions 'B' as a string
//                           or symbol, or calls a data bag accessor with a computed name
//                           (data_bag_refs.hpp); or R's or a nested role's attributes hold the
//                           string B
//   functional spec of R    R
//   harness configuration, shared functional spec files: every role
// Roles that exist only at the base (deleted) are not selected (there is nothing to converge)
// and are listed in the notes, as are changes that affect no role (nodes/, spec/unit/, ...).
#include <string>
#include <vector>

#include "proofbox/specs/gate/change_set.hpp"
#include "proofbox/specs/gate/repo_graph.hpp"

namespace proofbox::specs::gate {

struct SelectedRole {
  std::string name;
  std::vector<std::string> reasons;  // one per change that reaches the role, in change order
};

struct Selection {
  std::vector<Change> changes;
  std::vector<SelectedRole> roles;  // sorted by name
  std::vector<std::string> notes;

  std::vector<std::string> role_names() const;
};

// `base` is null when the repo did not exist or did not load at the base commit.
Selection select_roles(std::vector<Change> changes, const RepoGraph& head, const RepoGraph* base);

}  // namespace proofbox::specs::gate
