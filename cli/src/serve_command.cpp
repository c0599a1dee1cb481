#include "proofbox/cli/commands.hpp"

namespace proofbox::cli {

void add_serve_command(CLI::App& app, int& exit_status) {
  auto* serve = app.add_subcommand("serve", "Run the in-memory Chef server");
  serve->callback([&exit_status] { exit_status = 1; });
}

}  // namespace proofbox::cli
