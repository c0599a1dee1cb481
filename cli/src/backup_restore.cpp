#include "proofbox/cli/backup_restore.hpp"

#include "proofbox/backup/server/server_reader.hpp"
#include "proofbox/backup/server/server_writer.hpp"
#include "proofbox/backup/snapshot/snapshot.hpp"

namespace proofbox::cli {

int run_backup(const BackupCommandOptions& options, std::ostream& out, std::ostream& err) {
  try {
    auto config = client_config(options.server);
    auto client = backup::client::ChefClient::over_http(config);
    backup::server::Progress progress("backup", &err);
    backup::server::ReadOptions read;
    if (!options.quiet) read.progress = &progress;
    backup::server::ReadResult result = backup::server::read_server(client, read);
    for (const auto& w : result.warnings) err << "proofbox backup: warning: " << w << "\n";
    backup::SnapshotInfo info{config.server_url, client.url().org, backup::utc_timestamp_now()};
    backup::write_snapshot(result.data, options.output, info);
    std::size_t objects = 0;
    for (const auto& [kind, n] : result.data.counts()) {
      if (kind != "data_bags_bags" && kind != "files") objects += n;
    }
    out << "backed up " << objects << " objects and " << result.data.files.size() << " files to "
        << options.output << "\n";
    return 0;
  } catch (const std::exception& e) {
    err << "proofbox backup: " << e.what() << "\n";
    return 1;
  }
}

int run_restore(const RestoreCommandOptions& options, std::ostream& out, std::ostream& err,
                const backup::SourceReaders& readers) {
  try {
    // The whole source is read and checked before the server is touched.
    backup::ChefData source = backup::load_source(options.source, readers);
    auto client = backup::client::ChefClient::over_http(client_config(options.server));
    backup::server::Progress progress("restore", &err);
    backup::server::RestoreOptions restore;
    restore.purge = options.purge;
    restore.dry_run = options.dry_run;
    if (!options.quiet) restore.progress = &progress;
    backup::server::RestoreResult result = backup::server::restore(client, source, restore);
    for (const auto& w : result.plan.warnings) err << "proofbox restore: warning: " << w << "\n";
    if (options.dry_run) {
      out << "would " << result.plan.summary() << "\n";
      for (const auto& c : result.plan.changes) {
        static const char* kOps[] = {"create", "update", "delete"};
        out << "  " << kOps[static_cast<int>(c.op)] << " " << c.kind << " " << c.name << "\n";
      }
    } else {
      out << (result.plan.empty() ? std::string("nothing to change") : result.plan.summary())
          << "\n";
    }
    if (!result.ok()) {
      for (const auto& e : result.errors) err << "proofbox restore: " << e << "\n";
      err << "proofbox restore: " << result.errors.size()
          << " changes failed; run it again to finish\n";
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    err << "proofbox restore: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace proofbox::cli
