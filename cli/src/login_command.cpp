#include <unistd.h>

#include <cstring>
#include <iostream>

#include "proofbox/cli/commands.hpp"
#include "proofbox/cli/harness_commands.hpp"
#include "proofbox/harness/run_state.hpp"
#include "proofbox/harness/runtime.hpp"

namespace proofbox::cli {

int run_login_command(const LoginCommandOptions& options, std::ostream& err) {
  try {
    const auto runs = harness::runs_dir_for(options.repo);
    const auto dir = options.run_id.empty() ? harness::latest_run_dir(runs) : runs / options.run_id;
    const harness::RunState state = harness::read_run_state(dir / "state.json");
    const harness::RunState::Node* node = state.node(options.role);
    if (!node) {
      std::string roles;
      for (const auto& n : state.nodes) roles += (roles.empty() ? "" : ", ") + n.role;
      err << "proofbox login: run " << state.run_id << " has no role '" << options.role
          << "' (its roles: " << roles << ")\n";
      return 2;
    }
    if (!node->kept || node->container_id.empty()) {
      err << "proofbox login: the container of " << options.role << " in run " << state.run_id
          << " was not kept (converge with --keep always or failing)\n";
      return 1;
    }
    auto runtime = harness::make_runtime(state.runtime);
    const std::vector<std::string> command = runtime->shell_command(node->container_id);
    std::vector<char*> argv;
    for (const auto& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    err << "proofbox login: " << node->node_name << " (" << node->container_name << ", run "
        << state.run_id << ")\n";
    err.flush();
    execvp(argv[0], argv.data());
    err << "proofbox login: cannot run " << command[0] << ": " << std::strerror(errno) << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << "proofbox login: " << e.what() << "\n";
    return 1;
  }
}

void add_login_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<LoginCommandOptions>();
  auto* login = app.add_subcommand(
      "login",
      "Open a shell in the container of ROLE kept by the latest converge (for debugging).");
  login->add_option("ROLE", opts->role, "The role whose node to enter")->required();
  login->add_option("--repo", opts->repo, "The chef-repo the run belongs to")
      ->capture_default_str();
  login->add_option("--run", opts->run_id, "A run id (default: the latest run)");
  login->footer(
      "Examples:\n"
      "  proofbox converge --keep failing && proofbox login memcached\n"
      "  proofbox login web --run 3fa2c91e");
  login->callback([opts, &exit_status] { exit_status = run_login_command(*opts, std::cerr); });
}

}  // namespace proofbox::cli
