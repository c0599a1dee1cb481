#pragma once
// The subcommands of `proofbox`. Each adds itself to the CLI11 app and runs through a library.
#include <CLI/CLI.hpp>

namespace proofbox::cli {

// Registers `serve`; the returned callback runs it after parsing and gives the exit status.
void add_serve_command(CLI::App& app, int& exit_status);
// Registers `diff`; its exit status is 0 same, 1 differ, 2 error.
void add_diff_command(CLI::App& app, int& exit_status);
// Registers `backup` and `restore`; exit 0 on success, 1 on failure.
void add_backup_command(CLI::App& app, int& exit_status);
void add_restore_command(CLI::App& app, int& exit_status);
// Registers `image build`: exit 0 when every runtime holds the image.
void add_image_command(CLI::App& app, int& exit_status);
// Registers `destroy`: exit 0 when every leftover was removed.
void add_destroy_command(CLI::App& app, int& exit_status);
// Registers `spec`; exit 0 all passed, 1 failures, 2 error.
void add_spec_command(CLI::App& app, int& exit_status);
// Registers `gate`; exit 0 passed (or --list), 1 a spec failed, 2 error.
void add_gate_command(CLI::App& app, int& exit_status);
// Registers the harness commands (harness_commands.hpp).
void add_converge_command(CLI::App& app, int& exit_status);
void add_verify_command(CLI::App& app, int& exit_status);
void add_test_command(CLI::App& app, int& exit_status);
void add_login_command(CLI::App& app, int& exit_status);

}  // namespace proofbox::cli
