// What `proofbox gate` runs once it has chosen the roles (issue 7): every unit spec of the repo
// (specs::run_unit_specs, as `proofbox spec` runs them), then converge + functional specs of the
// selected roles through the same run `proofbox test` makes.
#include <ostream>

#include "harness_run.hpp"
#include "proofbox/cli/gate.hpp"
#include "proofbox/harness/converge_report.hpp"
#include "proofbox/harness/functional_specs.hpp"
#include "proofbox/specs/run_specs.hpp"

namespace proofbox::cli {

void converge_and_verify(const GateRunRequest& request, specs::Report& report, std::ostream& err) {
  ConvergeCommandOptions options;
  options.repo = request.repo.string();
  options.roles = request.roles;
  const std::string repo = options.repo;
  bool interrupted = false;
  auto result = converge_once(
      options, harness::KeepPolicy::kNever,
      [repo](const harness::ConvergedNode& node) { return harness::verify_role(node, repo); },
      interrupted, err);
  if (!result) {
    // The reason is on err already; the report must not pass without the roles having run.
    specs::SuiteResult suite{"functional specs", {}};
    for (const auto& role : request.roles) {
      suite.cases.push_back({"role " + role + " converges and passes its functional specs", role,
                             specs::Outcome::kError,
                             "the converge could not start (the reason is above)", "", 0,
                             std::chrono::microseconds(0), ""});
    }
    report.suites.push_back(std::move(suite));
    return;
  }
  harness::append_converge_report(report, *result);
}

specs::Report run_gate_specs(const GateRunRequest& request, const FunctionalRunner& functional,
                             std::ostream& err) {
  specs::Report report = specs::run_unit_specs(request.repo, specs::RunOptions{});
  if (!request.roles.empty()) functional(request, report, err);
  return report;
}

}  // namespace proofbox::cli
