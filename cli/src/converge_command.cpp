#include <iostream>

#include "harness_options.hpp"
#include "harness_run.hpp"
#include "proofbox/cli/commands.hpp"
#include "proofbox/harness/converge_report.hpp"

namespace proofbox::cli {

int run_converge_command(const ConvergeCommandOptions& options, std::ostream& out,
                         std::ostream& err) {
  bool interrupted = false;
  auto result = converge_once(options, harness::KeepPolicy::kAlways, nullptr, interrupted, err);
  if (!result) return 2;
  const bool written = emit_report(harness::converge_report(*result), options.report, out, err);
  if (interrupted) return 130;
  return result->ok() && written ? 0 : 1;
}

void add_converge_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<ConvergeCommandOptions>();
  auto* converge = app.add_subcommand(
      "converge",
      "Converge the repo's roles: the in-memory Chef server loaded from the repo, one container "
      "per role on a network of the run's own, each bootstrapped as production bootstraps and "
      "converged against that server.");
  add_run_options(*converge, *opts, "always");
  converge->footer(
      "Configuration: proofbox.yml at the repo root (optional):\n"
      "  runtime: auto              # auto | docker | lxc\n"
      "  image: proofbox/memcached:bookworm\n"
      "  bootstrap: proofbox-agent  # or chef-client, or a path to your production template\n"
      "  jobs: 4                    # roles at once\n"
      "  timeout: 900               # seconds for the whole run (role_timeout: each role)\n"
      "  roles:\n"
      "    web: {environment: production, after: [db], timeout: 300,\n"
      "          run_list: [\"role[web]\"], attributes: {nginx: {port: 8080}}, image: ...}\n"
      "Each run writes .proofbox/runs/ID/ (latest -> the newest): run.jsonl (every transition of\n"
      "every node), ROLE.bootstrap.log, ROLE.converge.log, state.json and server/ (a snapshot of\n"
      "the server's final state). SIGINT or SIGTERM removes everything the run created.\n"
      "Exit status: 0 all converged, 1 a role failed, 2 bad configuration, 130 interrupted.\n"
      "Examples:\n"
      "  proofbox converge                     # every role, containers kept for verify/login\n"
      "  proofbox converge --role memcached -j 2 --keep failing\n"
      "  proofbox converge --format junit --output converge.xml");
  converge->callback(
      [opts, &exit_status] { exit_status = run_converge_command(*opts, std::cout, std::cerr); });
}

}  // namespace proofbox::cli
