#include <iostream>

#include "proofbox/cli/commands.hpp"
#include "proofbox/cli/gate.hpp"

namespace proofbox::cli {

void add_gate_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<GateOptions>();
  auto* gate = app.add_subcommand(
      "gate",
      "Find the roles a change can affect (git diff of REF...HEAD and uncommitted work, through "
      "cookbook depends, nested roles, environments and data bags), say why, then run the unit "
      "specs and the functional specs of those roles.");
  gate->add_option("REPO", opts->repo, "The chef-repo (a git work tree or a folder in one)")
      ->capture_default_str();
  gate->add_option("--base", opts->base, "The branch or commit the change is compared with")
      ->required();
  gate->add_flag("--list", opts->list, "Only print the selected roles, one per line");
  gate->add_option("--shard", opts->shard,
                   "I/N: run the I-th of N parts of the selection (round robin by role name)");
  gate->add_option("--format", opts->format,
                   "human, json, junit, or github (human plus ::error annotations)")
      ->check(CLI::IsMember({"human", "json", "junit", "github"}))
      ->capture_default_str();
  gate->add_option("--output", opts->output, "Write the report to FILE instead of stdout");
  gate->add_option("--junit", opts->junit, "Also write the report as JUnit XML to FILE");
  gate->footer(
      "Exit status: 0 all passed, 1 a spec failed, 2 usage or analysis error.\n"
      "Examples:\n"
      "  proofbox gate --base origin/main --list\n"
      "  proofbox gate chef-repo --base origin/main --shard 2/4 --format github --junit r.xml");
  gate->callback([opts, &exit_status] { exit_status = run_gate(*opts, std::cout, std::cerr); });
}

}  // namespace proofbox::cli
