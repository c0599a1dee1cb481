#pragma once
// Explains an unsatisfiable run list the way dep_selector does (internal to src/depsolver):
// which run-list item first makes it unsatisfiable, which cookbooks had to have their
// constraints dropped to solve that prefix, and the dependency paths from the run list to the
// cookbook reported on.
#include <string>
#include <vector>

#include "failure_bodies.hpp"
#include "search.hpp"

namespace proofbox::zero::depsolver::detail {

struct Problem {
  const Universe* universe = nullptr;
  std::vector<VersionRange> allowed;  // per cookbook, after the environment's pins
  std::vector<Root> roots;            // the run list, in order
  std::vector<Constraint> root_constraints;
  std::uint64_t step_limit = 0;
};

// Called once the whole run list is known to be unsatisfiable. Returns the 412 failure (or the
// out-of-time one when a re-solve runs out of budget).
Failure explain_unsatisfiable(const Problem& problem);

}  // namespace proofbox::zero::depsolver::detail
