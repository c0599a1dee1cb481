#pragma once
// Cookbook dependency solving as POST /environments/E/cookbook_versions does it, without HTTP.
//
// Input: the environment's cookbook_versions pins and a run list of recipes ("cb", "cb::rec",
// "recipe[cb]", "recipe[cb::rec]", optionally pinned "cb@1.2.0" / "recipe[cb::rec@1.2]").
// Output: one version per cookbook the run list needs, transitively. Among consistent sets the
// solver prefers newer versions, in the order Chef's depsolvers consider cookbooks: run-list
// cookbooks first (in run-list order), then their dependencies breadth-first.
//
// Failures carry the real server's status and body (erchef chef_wm_depsolver with the
// dep_selector-based solver) so an endpoint can send them verbatim:
//   - run-list cookbooks the org does not hold           412 {"error":[{"message": "Run list
//     contains invalid items: no such cookbook X.", "non_existent_cookbooks": [...],
//     "cookbooks_with_no_versions": []}]}
//   - run-list items no environment-allowed version satisfies   412, same shape, message "...
//     no versions match the constraints on cookbook (X >= 0.0.0)."
//   - no consistent set                                   412 {"error":[{"message": "Unable to
//     satisfy constraints on package P[, which does not exist,] due to solution constraint
//     (X >= 0.0.0). Solution constraints that may result in a constraint on P: [(X = 1.0.0) ->
//     (P > 2.0.0)]", "unsatisfiable_run_list_item": "(X >= 0.0.0)", "non_existent_cookbooks":
//     [...], "most_constrained_cookbooks": ["P = 2.0.0 -> [(Q > 3.0.0)]"]}]}
//   - search budget exhausted                             412 "unable to solve dependencies in
//     alotted time" (sic)
// Which cookbooks are reported as the culprits follows dep_selector: the cheapest set of
// cookbooks whose incoming constraints must be dropped for the failing prefix of the run list
// to solve, preferring (in this order) cookbooks that do not exist or have no allowed version,
// then dependencies, then run-list cookbooks. Only single cookbooks (plus any version-less
// ones) are tried, among those a failed constraint targeted; when several work, the last in
// dep_selector's reachability order wins, as Gecode's branching tends to pick it.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "proofbox/zero/depsolver/universe.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::zero::depsolver {

// One run-list entry reduced to what the depsolver needs (erchef cookbooks_for_runlist).
struct RunListCookbook {
  std::string cookbook;
  std::optional<Version> version;  // from "@1.2.0"
  std::string version_text;        // the pin as written ("1.2"), empty when none

  friend bool operator==(const RunListCookbook&, const RunListCookbook&) = default;
};

// Reduces run-list items to cookbooks: "recipe[...]" is unwrapped, the recipe part after "::"
// and the "@version" pin are split off, and exact duplicates are dropped (keeping the first).
// A "role[...]" item is kept whole as a cookbook name, as erchef does with what it is given.
// Returns nullopt when an "@version" pin is not a valid version.
std::optional<std::vector<RunListCookbook>> run_list_cookbooks(
    const std::vector<std::string>& run_list);

// An environment's cookbook_versions, cookbook name -> constraint.
using EnvironmentPins = std::vector<std::pair<std::string, Constraint>>;

// Reads an environment's "cookbook_versions" object ({"apache2": "~> 1.2", ...}); entries that
// are not strings or not valid constraints are skipped (the environments endpoint rejects them
// on write).
EnvironmentPins environment_pins(const Json& cookbook_versions);

struct Request {
  EnvironmentPins environment;
  std::vector<std::string> run_list;
  // Version tries before giving up with the "alotted time" failure; 0 = no limit.
  std::uint64_t step_limit = 5'000'000;
};

struct SolvedCookbook {
  std::string name;
  Version version;

  friend bool operator==(const SolvedCookbook&, const SolvedCookbook&) = default;
};

struct Solution {
  // Run-list cookbooks first, then dependencies in the order they were reached.
  std::vector<SolvedCookbook> cookbooks;
  // Search effort, for tests and benchmarks.
  std::uint64_t steps = 0;

  // The chosen version of `name`, if it is part of the solution.
  std::optional<Version> version_of(std::string_view name) const;
};

struct Failure {
  int status = 412;
  Json body;  // the complete response body, {"error": [...]}
};

using Result = std::variant<Solution, Failure>;

Result solve(const Universe& universe, const Request& request);

}  // namespace proofbox::zero::depsolver
