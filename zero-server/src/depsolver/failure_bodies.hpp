#pragma once
// The 412 bodies of POST /environments/E/cookbook_versions (internal to src/depsolver), worded
// as erchef's chef_wm_depsolver and the dep_selector error reporter word them.
#include <string>
#include <vector>

#include "proofbox/zero/depsolver/solve.hpp"

namespace proofbox::zero::depsolver::detail {

// "OP x.y.z": dep_selector always prints three version parts.
std::string constraint_text(const Constraint& c);
// "(name OP x.y.z)", a solution constraint or dependency as dep_selector prints it.
std::string dependency_text(std::string_view cookbook, const Constraint& c);

// Run-list cookbooks the org does not hold (in run-list order).
Failure no_such_cookbooks(const std::vector<std::string>& names);
// Run-list items that no allowed version satisfies, as dependency_text strings.
Failure no_matching_versions(const std::vector<std::string>& constraints);
// The search budget ran out.
Failure out_of_time();

struct NoSolution {
  std::string message;
  std::string unsatisfiable_run_list_item;
  std::vector<std::string> non_existent_cookbooks;
  std::vector<std::string> most_constrained_cookbooks;
};
Failure no_solution(const NoSolution& detail);

}  // namespace proofbox::zero::depsolver::detail
