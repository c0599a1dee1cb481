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
// retried under every combination of unrelated choices above it), so the search keeps, for each
// failure, the set of decisions that caused it:
//   - conflict-directed backjumping: when every version of a cookbook fails and its conflict set
//     does not involve the decision just above, that decision is skipped without trying its
//     other versions (it provably cannot help);
//   - nogood learning: each exhausted cookbook records the combination of decisions that made
//     it fail, and that combination is refused at once wherever the search meets it again.
// Both only prune subtrees that hold no solution, so the answer is still the first one in
// preference order.
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
