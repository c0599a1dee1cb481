#include "proofbox/cli/serve_state.hpp"

#include <ostream>
#include <stdexcept>

#include "proofbox/backup/client/chef_client.hpp"
#include "proofbox/backup/server/progress.hpp"
#include "proofbox/backup/server/server_reader.hpp"
#include "proofbox/backup/server/server_writer.hpp"
#include "proofbox/backup/snapshot/snapshot.hpp"
#include "proofbox/backup/source.hpp"
#include "proofbox/cli/source_readers.hpp"

namespace proofbox::cli {
namespace {

backup::client::ChefClient in_process_client(zero::http::Handler& handler,
                                             const InProcessIdentity& identity) {
  backup::client::ClientConfig config;
  // The host is never contacted; it only shapes the URLs the server puts in its answers.
  config.server_url = "http://proofbox.invalid/organizations/" + identity.org;
  config.client_name = identity.name;
  config.private_key_pem = identity.private_key_pem;
  config.api_version = 2;
  return backup::client::ChefClient::in_process(handler, config);
}

}  // namespace

void load_server_state(zero::http::Handler& handler, const InProcessIdentity& identity,
                       const std::string& source, std::ostream& log) {
  backup::ChefData data = backup::load_source(source, local_source_readers());
  auto client = in_process_client(handler, identity);
  backup::server::Progress progress("serve: loading " + source, &log);
  backup::server::RestoreOptions options;
  options.progress = &progress;
  backup::server::RestoreResult result = backup::server::restore(client, data, options);
  if (!result.ok()) {
    std::string message = "cannot load " + source + ":";
    for (const auto& error : result.errors) message += "\n  " + error;
    throw std::runtime_error(message);
  }
  log << "serve: loaded " << source << " (" << result.plan.summary() << ")\n";
}

void save_server_state(zero::http::Handler& handler, const InProcessIdentity& identity,
                       const std::string& path, std::ostream& log) {
  auto client = in_process_client(handler, identity);
  backup::server::Progress progress("serve: saving", &log);
  backup::server::ReadOptions options;
  options.progress = &progress;
  backup::server::ReadResult read = backup::server::read_server(client, options);
  for (const auto& warning : read.warnings) log << "serve: warning: " << warning << "\n";
  backup::SnapshotInfo info{"proofbox serve", identity.org, backup::utc_timestamp_now()};
  backup::write_snapshot(read.data, path, info);
  log << "serve: saved the server to " << path << "\n";
}

}  // namespace proofbox::cli
