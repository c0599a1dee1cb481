#pragma once
// The readers behind backup::load_source for the command line: a chef-repo directory goes to
// the repo reader, a server URL to a whole-org backup over HTTP with the caller's credentials
// (flags, CHEF_* variables, ~/.chef/credentials), so `diff` and `restore` accept all three.
#include "proofbox/backup/client/credentials.hpp"
#include "proofbox/backup/source.hpp"

namespace proofbox::cli {

// `credentials` supplies the client name and key for server URLs; the URL itself always comes
// from the source spec.
backup::SourceReaders source_readers(const backup::client::Credentials& credentials);

// Repo and snapshot sources only (no server access): what `serve --repo/--snapshot` needs.
backup::SourceReaders local_source_readers();

}  // namespace proofbox::cli
