#include "harness_options.hpp"

namespace proofbox::cli {

void add_report_options(CLI::App& command, ReportOptions& options) {
  command
      .add_option("--format", options.format,
                  "human: a summary to read; json: one document; junit: JUnit XML for Jenkins "
                  "and GitHub Actions test reporters")
      ->check(CLI::IsMember({"human", "json", "junit"}))
      ->capture_default_str();
  command.add_option("--output", options.output, "Write the report to FILE instead of stdout");
}

void add_run_options(CLI::App& command, ConvergeCommandOptions& options,
                     const std::string& keep_default) {
  command.add_option("REPO", options.repo, "The chef-repo (default: the current directory)")
      ->capture_default_str();
  command.add_option("--role", options.roles,
                     "Converge this role (repeatable); the roles it waits for (`after:`) come "
                     "along. Default: every role with spec/functional/ROLE.yml or declared in "
                     "proofbox.yml");
  command.add_option("-j,--jobs", options.jobs,
                     "Roles converging at once (default: proofbox.yml's jobs, else all)");
  command
      .add_option("--keep", options.keep,
                  "Which containers outlive the run: failing, always or never (default " +
                      keep_default + "); kept ones are for `proofbox verify` and `proofbox login`")
      ->check(CLI::IsMember({"failing", "always", "never"}));
  command
      .add_option("--runtime", options.runtime,
                  "auto, docker or lxc (default: proofbox.yml's runtime, else auto)")
      ->check(CLI::IsMember({"auto", "docker", "lxc"}));
  command.add_option("--timeout", options.timeout,
                     "Seconds for the whole run (default: proofbox.yml's timeout, else 900)");
  add_report_options(command, options.report);
}

}  // namespace proofbox::cli
