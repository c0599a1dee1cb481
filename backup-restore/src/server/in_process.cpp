#include "proofbox/backup/server/in_process.hpp"

#include <ostream>
#include <stdexcept>

#include "proofbox/backup/client/chef_client.hpp"
#include "proofbox/backup/repo/read_chef_repo.hpp"
#include "proofbox/backup/server/progress.hpp"
#include "proofbox/backup/server/server_reader.hpp"
#include "proofbox/backup/server/server_writer.hpp"
#include "proofbox/backup/snapshot/snapshot.hpp"
#include "proofbox/backup/source.hpp"

namespace proofbox::backup::server {
namespace {

client::ChefClient in_process_client(zero::http::Handler& handler,
                                     const InProcessIdentity& identity) {
  client::ClientConfig config;
  // The host is never contacted; it only shapes the URLs the server puts in its answers.
  config.server_url = "http://proofbox.invalid/organizations/" + identity.org;
  config.client_name = identity.name;
  config.private_key_pem = identity.private_key_pem;
  config.api_version = 2;
  return client::ChefClient::in_process(handler, config);
}

}  // namespace

ChefData read_local_source(const std::string& source) {
  SourceReaders readers;
  readers.repo = [](const std::string& path) { return repo::read_chef_repo(path); };
  return load_source(source, readers);
}

void load_server_state(zero::http::Handler& handler, const InProcessIdentity& identity,
                       const std::string& source, std::ostream& log, const std::string& label) {
  restore_server_state(handler, identity, read_local_source(source), source, log, label);
}

void restore_server_state(zero::http::Handler& handler, const InProcessIdentity& identity,
                          const ChefData& data, const std::string& source, std::ostream& log,
                          const std::string& label) {
  auto client = in_process_client(handler, identity);
  Progress progress(label + ": loading " + source, &log);
  RestoreOptions options;
  options.progress = &progress;
  RestoreResult result = restore(client, data, options);
  if (!result.ok()) {
    std::string message = "cannot load " + source + ":";
    for (const auto& error : result.errors) message += "\n  " + error;
    throw std::runtime_error(message);
  }
  log << label << ": loaded " << source << " (" << result.plan.summary() << ")\n";
}

void save_server_state(zero::http::Handler& handler, const InProcessIdentity& identity,
                       const std::string& path, std::ostream& log, const std::string& label) {
  auto client = in_process_client(handler, identity);
  Progress progress(label + ": saving", &log);
  ReadOptions options;
  options.progress = &progress;
  ReadResult read = read_server(client, options);
  for (const auto& warning : read.warnings) log << label << ": warning: " << warning << "\n";
  SnapshotInfo info{"proofbox " + label, identity.org, utc_timestamp_now()};
  write_snapshot(read.data, path, info);
  log << label << ": saved the server to " << path << "\n";
}

}  // namespace proofbox::backup::server
