#include <iostream>

#include "harness_options.hpp"
#include "harness_run.hpp"
#include "proofbox/cli/commands.hpp"
#include "proofbox/harness/functional_specs.hpp"
#include "proofbox/harness/run_state.hpp"
#include "proofbox/harness/store_server_view.hpp"

namespace proofbox::cli {

int run_verify_command(const VerifyCommandOptions& options, std::ostream& out, std::ostream& err) {
  harness::RunState state;
  std::unique_ptr<harness::Runtime> runtime;
  std::unique_ptr<harness::StoreServerView> server;
  try {
    const auto runs = harness::runs_dir_for(options.repo);
    const auto dir = options.run_id.empty() ? harness::latest_run_dir(runs) : runs / options.run_id;
    state = harness::read_run_state(dir / "state.json");
    runtime = harness::make_runtime(state.runtime);
    if (!state.server_snapshot.empty())
      server = harness::StoreServerView::from_snapshot(state.server_snapshot, state.org);
  } catch (const std::exception& e) {
    err << "proofbox verify: " << e.what() << "\n";
    return 2;
  }
  std::vector<std::string> roles = options.roles;
  if (roles.empty())
    for (const auto& node : state.nodes) roles.push_back(node.role);

  specs::Report report;
  for (const auto& role : roles) {
    const harness::RunState::Node* node = state.node(role);
    std::string missing;
    if (!node)
      missing = "run " + state.run_id + " did not converge role " + role;
    else if (!node->kept || node->container_id.empty())
      missing = "the node of " + role + " is not there to verify (" + node->state +
                (node->kept ? "" : ", container not kept") + "); converge it again";
    if (!missing.empty()) {
      specs::SuiteResult suite;
      suite.name = "functional: " + role;
      specs::CaseResult error;
      error.name = "functional specs of " + role;
      error.classname = "functional." + role;
      error.outcome =
          node && node->state == "skipped" ? specs::Outcome::kSkipped : specs::Outcome::kError;
      error.message = missing;
      suite.cases.push_back(error);
      report.suites.push_back(suite);
      continue;
    }
    err << "proofbox verify: " << role << " on " << node->node_name << "\n";
    harness::ConvergedNode converged{role, node->node_name, node->container_id, runtime.get(),
                                     server.get()};
    specs::SuiteResult suite = harness::verify_role(converged, options.repo);
    if (suite.name.empty()) suite.name = "functional: " + role;
    report.suites.push_back(std::move(suite));
  }
  const bool written = emit_report(report, options.report, out, err);
  return report.passed() && written ? 0 : 1;
}

void add_verify_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<VerifyCommandOptions>();
  auto* verify = app.add_subcommand(
      "verify",
      "Run the functional specs (spec/functional/ROLE.yml, smolder files) on the nodes the "
      "latest `proofbox converge` kept; server-side checks read the server's state saved at the "
      "end of that converge.");
  verify->add_option("REPO", opts->repo, "The chef-repo (default: the current directory)")
      ->capture_default_str();
  verify->add_option("--role", opts->roles, "Verify this role (repeatable; default: all)");
  verify->add_option("--run", opts->run_id, "A run id (default: the latest run)");
  add_report_options(*verify, opts->report);
  verify->footer(
      "Exit status: 0 every check passed, 1 a check failed, 2 no run to verify.\n"
      "Examples:\n"
      "  proofbox converge && proofbox verify\n"
      "  proofbox verify --role memcached --format junit --output functional.xml");
  verify->callback(
      [opts, &exit_status] { exit_status = run_verify_command(*opts, std::cout, std::cerr); });
}

}  // namespace proofbox::cli
