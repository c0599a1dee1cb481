#pragma once
// `proofbox backup` and `proofbox restore`: a whole organization from a Chef server into a
// snapshot, and a snapshot or chef-repo into a server.
#include <ostream>
#include <string>

#include "proofbox/backup/source.hpp"
#include "proofbox/cli/server_options.hpp"

namespace proofbox::cli {

struct BackupCommandOptions {
  ServerOptions server;
  std::string output;  // snapshot directory or .tar.gz
  bool quiet = false;  // no progress lines
};

struct RestoreCommandOptions {
  ServerOptions server;
  std::string source;  // snapshot directory, .tar.gz, or chef-repo
  bool purge = false;
  bool dry_run = false;
  bool quiet = false;
};

// Exit 0 on success, 1 when the server or the source fails (one line on `err` saying why).
int run_backup(const BackupCommandOptions& options, std::ostream& out, std::ostream& err);
// Exit 0 when the server now holds the source (or, with --dry-run, after printing the plan),
// 1 otherwise. `readers` loads repo sources (snapshots are read by load_source itself).
int run_restore(const RestoreCommandOptions& options, std::ostream& out, std::ostream& err,
                const backup::SourceReaders& readers);

}  // namespace proofbox::cli
