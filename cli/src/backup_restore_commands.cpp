#include <iostream>

#include "proofbox/cli/backup_restore.hpp"
#include "proofbox/cli/commands.hpp"
#include "proofbox/cli/source_readers.hpp"

namespace proofbox::cli {

void add_backup_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<BackupCommandOptions>();
  auto* cmd = app.add_subcommand(
      "backup",
      "Read a whole organization (nodes, roles, environments, clients, users, data bags, "
      "cookbooks with their files, artifacts, policies) from a Chef server into a snapshot.");
  add_server_options(*cmd, opts->server);
  cmd->add_option("-o,--output", opts->output, "Snapshot to write: a directory or a .tar.gz")
      ->required();
  cmd->add_flag("-q,--quiet", opts->quiet, "No progress lines on stderr");
  cmd->footer(
      "Examples:\n"
      "  proofbox backup --server https://chef.example/organizations/acme \\\n"
      "      --client admin --key ~/.chef/admin.pem -o acme-monday.tar.gz\n"
      "  CHEF_PROFILE=prod proofbox backup -o backups/prod");
  cmd->callback([opts, &exit_status] { exit_status = run_backup(*opts, std::cout, std::cerr); });
}

void add_restore_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<RestoreCommandOptions>();
  auto* cmd = app.add_subcommand(
      "restore",
      "Make a Chef server's organization hold what a snapshot or chef-repo holds: creates and "
      "updates what differs; a second run changes nothing.");
  cmd->add_option("SOURCE", opts->source, "Snapshot directory, .tar.gz, or chef-repo")->required();
  add_server_options(*cmd, opts->server);
  cmd->add_flag("--purge", opts->purge,
                "Also delete what the source lacks, in the kinds it describes (never the "
                "_default environment nor the identity doing the restore)");
  cmd->add_flag("--dry-run", opts->dry_run, "Print the plan and change nothing");
  cmd->add_flag("-q,--quiet", opts->quiet, "No progress lines on stderr");
  cmd->footer(
      "Examples:\n"
      "  proofbox restore acme-monday.tar.gz --server http://127.0.0.1:8889/organizations/chef\n"
      "  proofbox restore ./chef-repo --profile staging --purge --dry-run");
  cmd->callback([opts, &exit_status] {
    exit_status = run_restore(*opts, std::cout, std::cerr, local_source_readers());
  });
}

}  // namespace proofbox::cli
