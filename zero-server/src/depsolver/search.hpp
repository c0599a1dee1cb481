#pragma once
// The depsolver's search engine (internal to src/depsolver).
//
// Variables are cookbooks, values are version indices. A cookbook becomes *required* when a
// root (run-list) constraint names it or a chosen version depends on it; required cookbooks are
// decided in the order they became required (run-list first, then breadth-first through the
// dependencies, as chef-zero and Chef's own depsolvers walk them), newest allowed version first.
// The first consistent assignment in that order is the answer, so the result prefers newer
// versions of earlier cookbooks.
//
// Plain chronological backtracking goes exponential on diamonds (a conflict found deep down is
// retried under every combination of unrelated choices above it), so every failure carries an
// explanation: a set of conditions "cookbook C is at a version in [lo, hi)" on earlier
// decisions that together rule it out. Conditions are as wide as the reasoning allows ("any
// version of P that depends on D", "any version of S below 2.0"), and merging two conditions
// on one cookbook intersects them. With that:
//   - conflict-directed backjumping: when a failure puts no condition on the decision just
//     above, that decision is undone without trying its other versions;
//   - when it does, every version inside the condition is skipped at once (they would fail the
//     same way), not just the one tried;
//   - nogood learning: each exhausted cookbook records its explanation, and the search refuses
//     it at once wherever it meets it again.
// All of these only prune subtrees that hold no solution, so the answer is still the first one
// in preference order.
//
// Disabled cookbooks model dep_selector's failure analysis: constraints that target a disabled
// cookbook are ignored and it is never required.
#include <cstdint>
#include <vector>

#include "proofbox/zero/depsolver/universe.hpp"

namespace proofbox::zero::depsolver::detail {

struct Root {
  Universe::Id cookbook = 0;
  VersionRange range;  // versions the run-list item allows
};

struct SearchInput {
  const Universe* universe = nullptr;
  std::vector<VersionRange> allowed;  // per cookbook: versions the environment allows
  std::vector<Root> roots;
  std::vector<char> disabled;    // per cookbook; empty means none
  std::uint64_t step_limit = 0;  // version tries before giving up; 0 = no limit
};

enum class SearchStatus { solved, unsatisfiable, step_limit };

struct SearchResult {
  SearchStatus status = SearchStatus::unsatisfiable;
  // solved: (cookbook, version index) in the order they were decided.
  std::vector<std::pair<Universe::Id, std::uint32_t>> chosen;
  // Cookbooks some failed constraint targeted (any fix must disable one of them).
  std::vector<Universe::Id> conflict_targets;
  std::uint64_t steps = 0;
};

SearchResult search(const SearchInput& input);

}  // namespace proofbox::zero::depsolver::detail
