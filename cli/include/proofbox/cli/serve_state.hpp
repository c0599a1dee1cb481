#pragma once
// `serve --repo DIR | --snapshot FILE` and `serve --save FILE`: the in-memory server is loaded
// and saved through the same restore and backup code a real server gets, in process (the
// requests go straight to the API handler, no sockets), so what `serve` holds after start-up is
// exactly what `proofbox restore` would have made of the source.
#include <iosfwd>
#include <string>

#include "proofbox/zero/http/message.hpp"

namespace proofbox::cli {

// Who the in-process client acts as: empty name and key for `--auth off`, the bootstrapped
// admin user with `--auth verify`.
struct InProcessIdentity {
  std::string org;
  std::string name;
  std::string private_key_pem;
};

// Reads `source` (a chef-repo or a snapshot) and restores it into the server behind `handler`.
// Progress and the summary go to `log`. Throws with a message naming the source on failure.
void load_server_state(zero::http::Handler& handler, const InProcessIdentity& identity,
                       const std::string& source, std::ostream& log);

// Backs up the server behind `handler` and writes it as a snapshot at `path` (atomically).
void save_server_state(zero::http::Handler& handler, const InProcessIdentity& identity,
                       const std::string& path, std::ostream& log);

}  // namespace proofbox::cli
