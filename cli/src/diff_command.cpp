#include <iostream>

#include "proofbox/cli/commands.hpp"
#include "proofbox/cli/diff.hpp"

namespace proofbox::cli {

void add_diff_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<DiffOptions>();
  auto* diff = app.add_subcommand(
      "diff",
      "Compare two sources (a snapshot directory or .tar.gz, a chef-repo, or a server URL) kind by "
      "kind. Exit 0 when they are the same, 1 when they differ, 2 on error.");
  diff->add_option("A", opts->a, "The first source")->required();
  diff->add_option("B", opts->b, "The second source")->required();
  diff->add_option("--format", opts->format, "human: lines to read; json: one document")
      ->check(CLI::IsMember({"human", "json"}))
      ->capture_default_str();
  diff->footer(
      "Only kinds both sides describe are compared: a chef-repo says nothing about users or\n"
      "nodes, so those are listed as not compared rather than as missing.\n"
      "Examples:\n"
      "  proofbox diff monday.tar.gz tuesday.tar.gz\n"
      "  proofbox diff backups/prod backups/staging --format json");
  diff->callback([opts, &exit_status] {
    exit_status = run_diff(*opts, std::cout, std::cerr, default_source_readers());
  });
}

}  // namespace proofbox::cli
