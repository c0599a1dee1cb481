#include "harness_run.hpp"

#include <fstream>
#include <iostream>

#include "proofbox/harness/converge_config.hpp"
#include "proofbox/harness/runtime.hpp"
#include "proofbox/harness/stop_signals.hpp"
#include "proofbox/harness/store_server_view.hpp"

namespace proofbox::cli {

bool emit_report(const specs::Report& report, const ReportOptions& options, std::ostream& out,
                 std::ostream& err) {
  const specs::ReportFormat format = specs::parse_report_format(options.format);
  if (options.output.empty()) {
    specs::write_report(out, report, format);
    return true;
  }
  std::ofstream file(options.output);
  specs::write_report(file, report, format);
  if (!file) {
    err << "proofbox: cannot write the report to " << options.output << "\n";
    return false;
  }
  return true;
}

std::optional<harness::RunResult> converge_once(const ConvergeCommandOptions& options,
                                                harness::KeepPolicy default_keep,
                                                harness::NodeVerifier verify, bool& interrupted,
                                                std::ostream& err) {
  // Before any thread exists, so every thread the run makes has the stop signals blocked.
  harness::StopSignalWatcher watcher(nullptr);
  harness::ConvergeOptions run_options;
  std::unique_ptr<harness::Runtime> runtime;
  try {
    run_options.repo = options.repo;
    run_options.config = harness::load_converge_config(options.repo);
    if (options.timeout) run_options.config.timeout = std::chrono::seconds(options.timeout);
    run_options.roles = harness::select_roles(run_options.config, options.repo, options.roles);
    if (run_options.roles.empty()) {
      err << "proofbox: no roles to converge in " << options.repo
          << " (add spec/functional/ROLE.yml, declare roles: in proofbox.yml, or pass --role)\n";
      return std::nullopt;
    }
    run_options.jobs = options.jobs;
    run_options.keep =
        options.keep.empty() ? default_keep : harness::parse_keep_policy(options.keep);
    run_options.render = harness::make_bootstrap_renderer(run_options.config, options.repo);
    run_options.progress = &err;
    run_options.verify = std::move(verify);
    run_options.server_view = [](zero::store::Store& store, const std::string& org) {
      return std::make_unique<harness::StoreServerView>(store, org);
    };
    runtime = harness::make_runtime(options.runtime.empty() ? run_options.config.runtime
                                                            : options.runtime);
    harness::prepare_images(run_options.config, options.repo, *runtime, &err);
  } catch (const std::exception& e) {
    err << "proofbox: " << e.what() << "\n";
    return std::nullopt;
  }
  harness::ConvergeRun run(*runtime, std::move(run_options));
  watcher.set_handler([&run](const std::string& signal) { run.cancel(signal); });
  harness::RunResult result = run.run();
  watcher.set_handler(nullptr);
  interrupted = watcher.received() != 0;
  return result;
}

}  // namespace proofbox::cli
