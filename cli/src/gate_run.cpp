// INTEGRATION POINT for `proofbox gate` without --list (issue 7).
//
// The gate decides which roles to run; running them belongs to the libraries that run unit
// specs (`proofbox spec`, specs/) and converge + verify (`proofbox test`, harness/). Neither
// exposes a library entry point on main yet, so this returns nullopt and `gate` says so and
// fails rather than reporting a green run that ran nothing. When they land, this becomes:
//   Report report = specs::run_unit_specs(repo, ...);                // every unit spec
//   append(report, harness::test_roles(repo, request.roles, ...));    // selected roles only
//   return report;
#include "proofbox/cli/gate.hpp"

namespace proofbox::cli {

std::optional<specs::Report> run_gate_specs(const GateRunRequest& /*request*/) {
  return std::nullopt;
}

}  // namespace proofbox::cli
