#pragma once
// Loading and saving an in-memory server in process: the requests go straight to its API
// handler (no sockets) through the same restore and backup code a real server gets, so what the
// server holds after a load is exactly what `proofbox restore` would have made of the source.
// `proofbox serve --repo/--save` and the harness's embedded server (converge) both use it.
#include <iosfwd>
#include <string>

#include "proofbox/backup/chef_data.hpp"
#include "proofbox/zero/http/message.hpp"

namespace proofbox::backup::server {

// Who the in-process client acts as: empty name and key for a server without signature
// checks, the bootstrapped admin user when it verifies signatures.
struct InProcessIdentity {
  std::string org;
  std::string name;
  std::string private_key_pem;
};

// Reads `source` (a chef-repo or a snapshot) and restores it into the server behind `handler`.
// Progress and the summary go to `log`, each line starting with `label` ("serve"). Throws with a
// message naming the source on failure.
void load_server_state(zero::http::Handler& handler, const InProcessIdentity& identity,
                       const std::string& source, std::ostream& log,
                       const std::string& label = "serve");

// Reads a local source (chef-repo or snapshot; never a server URL). Throws naming the file.
ChefData read_local_source(const std::string& source);

// Restores `data` (read from `source_name`) into the server behind `handler`.
void restore_server_state(zero::http::Handler& handler, const InProcessIdentity& identity,
                          const ChefData& data, const std::string& source_name, std::ostream& log,
                          const std::string& label = "serve");

// Backs up the server behind `handler` and writes it as a snapshot at `path` (atomically).
void save_server_state(zero::http::Handler& handler, const InProcessIdentity& identity,
                       const std::string& path, std::ostream& log,
                       const std::string& label = "serve");

}  // namespace proofbox::backup::server
