#pragma once
// `proofbox converge`, `verify`, `test` and `login`: the harness from the command line. Each
// returns the process exit status: 0 when everything passed, 1 when something failed, 2 for a
// usage or configuration error, 130 when SIGINT/SIGTERM stopped the run (after its teardown).
#include <iosfwd>
#include <string>
#include <vector>

namespace proofbox::cli {

struct ReportOptions {
  std::string format = "human";  // human | json | junit
  std::string output;            // a file instead of stdout
};

struct ConvergeCommandOptions {
  std::string repo = ".";
  std::vector<std::string> roles;  // --role, repeatable; empty: every role with specs or config
  unsigned jobs = 0;               // -j; 0: the config's jobs, else all roles at once
  std::string keep;                // failing | always | never; empty: the command's default
  std::string runtime;             // auto | docker | lxc; empty: the config's
  unsigned timeout = 0;            // seconds for the whole run; 0: the config's
  ReportOptions report;
};

struct VerifyCommandOptions {
  std::string repo = ".";
  std::vector<std::string> roles;  // empty: every node the run kept
  std::string run_id;              // empty: the latest run
  ReportOptions report;
};

struct LoginCommandOptions {
  std::string role;
  std::string repo = ".";
  std::string run_id;
};

// Converge only; keeps the containers by default so `verify` and `login` can use them.
int run_converge_command(const ConvergeCommandOptions& options, std::ostream& out,
                         std::ostream& err);
// Functional specs on the nodes a converge kept.
int run_verify_command(const VerifyCommandOptions& options, std::ostream& out, std::ostream& err);
// Unit specs, then converge + verify + destroy: one report, one exit status.
int run_test_command(const ConvergeCommandOptions& options, std::ostream& out, std::ostream& err);
// Replaces the process with a shell in the role's container (returns only on failure).
int run_login_command(const LoginCommandOptions& options, std::ostream& err);

}  // namespace proofbox::cli
