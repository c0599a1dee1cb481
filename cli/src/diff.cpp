#include "proofbox/cli/diff.hpp"

#include "proofbox/backup/diff.hpp"
#include "proofbox/cli/source_readers.hpp"

namespace proofbox::cli {

backup::SourceReaders default_source_readers() {
  backup::SourceReaders readers = local_source_readers();
  // A server URL is read with the caller's knife credentials (CHEF_* variables or the
  // ~/.chef/credentials profile); the URL itself always comes from the argument.
  readers.server = [](const std::string& url) {
    backup::client::CredentialFlags flags;
    flags.server_url = url;
    return source_readers(backup::client::resolve_credentials(flags)).server(url);
  };
  return readers;
}

int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err,
             const backup::SourceReaders& readers) {
  backup::ChefData a, b;
  try {
    a = backup::load_source(options.a, readers);
    b = backup::load_source(options.b, readers);
  } catch (const std::exception& e) {
    err << "proofbox diff: " << e.what() << "\n";
    return kDiffError;
  }
  const backup::DiffResult diff = backup::diff_chef_data(a, b);
  if (options.format == "json") {
    out << backup::format_diff_json(diff, options.a, options.b).dump(2) << "\n";
  } else {
    out << backup::format_diff_human(diff, options.a, options.b);
  }
  return diff.same() ? kDiffSame : kDiffDiffer;
}

}  // namespace proofbox::cli
