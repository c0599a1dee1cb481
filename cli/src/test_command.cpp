#include <iostream>

#include "harness_options.hpp"
#include "harness_run.hpp"
#include "proofbox/cli/commands.hpp"
#include "proofbox/harness/converge_report.hpp"
#include "proofbox/harness/functional_specs.hpp"
#include "proofbox/specs/run_specs.hpp"

namespace proofbox::cli {

int run_test_command(const ConvergeCommandOptions& options, std::ostream& out, std::ostream& err) {
  specs::Report report;
  try {
    err << "proofbox test: unit specs\n";
    report = specs::run_unit_specs(options.repo, specs::RunOptions{});
  } catch (const std::exception& e) {
    err << "proofbox test: " << e.what() << "\n";
    return 2;
  }
  const std::string repo = options.repo;
  bool interrupted = false;
  auto result = converge_once(
      options, harness::KeepPolicy::kNever,
      [repo](const harness::ConvergedNode& node) { return harness::verify_role(node, repo); },
      interrupted, err);
  if (!result) return 2;
  harness::append_converge_report(report, *result);
  const bool written = emit_report(report, options.report, out, err);
  if (interrupted) return 130;
  return report.passed() && result->ok() && written ? 0 : 1;
}

void add_test_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<ConvergeCommandOptions>();
  auto* test = app.add_subcommand(
      "test",
      "Everything a change must pass: the unit specs, then converge every role and run its "
      "functional specs while the node and the server live, then remove the containers. One "
      "report, one exit status.");
  add_run_options(*test, *opts, "never");
  test->footer(
      "Exit status: 0 all passed, 1 something failed, 2 bad configuration, 130 interrupted.\n"
      "Examples:\n"
      "  proofbox test                                   # in the chef-repo\n"
      "  proofbox test --format junit --output proofbox.xml --keep failing");
  test->callback(
      [opts, &exit_status] { exit_status = run_test_command(*opts, std::cout, std::cerr); });
}

}  // namespace proofbox::cli
