// proofbox: parses the command line and hands each subcommand to its library.
#include <iostream>

#include "proofbox/cli/commands.hpp"
#include "proofbox/zero/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"proofbox: a hermetic test harness for Chef infrastructure code"};
  app.set_version_flag("--version", std::string("proofbox ") + proofbox::kProofboxVersion);
  app.require_subcommand(1);
  int exit_status = 0;
  proofbox::cli::add_serve_command(app, exit_status);
  proofbox::cli::add_diff_command(app, exit_status);
  proofbox::cli::add_backup_command(app, exit_status);
  proofbox::cli::add_restore_command(app, exit_status);
  proofbox::cli::add_image_command(app, exit_status);
  proofbox::cli::add_destroy_command(app, exit_status);
  proofbox::cli::add_spec_command(app, exit_status);
  proofbox::cli::add_gate_command(app, exit_status);
  proofbox::cli::add_converge_command(app, exit_status);
  proofbox::cli::add_verify_command(app, exit_status);
  proofbox::cli::add_test_command(app, exit_status);
  proofbox::cli::add_login_command(app, exit_status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Usage errors exit 2 (as `diff` reports errors), help and --version 0.
    return app.exit(e) == 0 ? 0 : 2;
  }
  return exit_status;
}
