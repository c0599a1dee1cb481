#pragma once
// Everything one role can reach: the roles it nests (at any depth, in run_list and in every
// env_run_lists entry — a change must not slip through because it only shows in one
// environment), the cookbooks whose recipes those run lists name, and the cookbooks those
// depend on (metadata `depends`, transitively, versions ignored). Reached in breadth-first
// order, so the chain kept for each is a shortest one; roles or cookbooks that no longer exist
// are still reached by name (a run list naming a deleted role is affected by its deletion).
#include <map>
#include <string>
#include <vector>

#include "proofbox/specs/gate/repo_graph.hpp"

namespace proofbox::specs::gate {

struct ReachStep {
  std::string parent;  // "role:NAME" or "cookbook:NAME" it was reached from ("" for the start)
  std::string text;    // "role app nests role[base]", "pd-memcached depends on memcached"
};

struct Reach {
  std::string role;
  std::map<std::string, ReachStep> roles;      // includes the start role
  std::map<std::string, ReachStep> cookbooks;  // every cookbook reached

  bool reaches_role(const std::string& name) const { return roles.count(name) > 0; }
  bool reaches_cookbook(const std::string& name) const { return cookbooks.count(name) > 0; }
  // The steps from the start role to a reached role or cookbook, joined with ", "; empty for
  // the start role itself.
  std::string chain_to_role(const std::string& name) const;
  std::string chain_to_cookbook(const std::string& name) const;
};

Reach reach_from_role(const RepoGraph& graph, const std::string& role);

}  // namespace proofbox::specs::gate
