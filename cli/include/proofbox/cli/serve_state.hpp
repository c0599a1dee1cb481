#pragma once
// `serve --repo DIR | --snapshot FILE` and `serve --save FILE` load and save the in-memory server
// in process through backup-restore's restore and backup code (shared with the harness).
#include "proofbox/backup/server/in_process.hpp"

namespace proofbox::cli {

using InProcessIdentity = backup::server::InProcessIdentity;
using backup::server::load_server_state;
using backup::server::save_server_state;

}  // namespace proofbox::cli
