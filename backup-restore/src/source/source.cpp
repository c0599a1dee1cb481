#include "proofbox/backup/source.hpp"

#include <filesystem>

#include "proofbox/backup/snapshot/snapshot.hpp"

namespace proofbox::backup {
namespace fs = std::filesystem;
namespace {

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// What chef-repo (and knife's chef_repo_path) folders look like at the top.
bool looks_like_chef_repo(const fs::path& dir) {
  for (const char* sub : {"cookbooks", "site-cookbooks", "roles", "environments", "data_bags",
                          "nodes", "policyfiles", ".chef"}) {
    if (fs::is_directory(dir / sub)) return true;
  }
  return false;
}

}  // namespace

SourceKind classify_source(const std::string& spec) {
  if (starts_with(spec, "http://") || starts_with(spec, "https://")) return SourceKind::Server;
  const fs::path path(spec);
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (is_archive_path(path)) {
    if (!fs::exists(status)) throw SourceError(spec + ": no such file");
    return SourceKind::Snapshot;
  }
  if (!fs::exists(status)) throw SourceError(spec + ": no such file or directory");
  if (fs::is_directory(status)) {
    if (fs::is_regular_file(path / "manifest.json")) return SourceKind::Snapshot;
    if (looks_like_chef_repo(path)) return SourceKind::Repo;
  }
  throw SourceError(spec +
                    ": not a snapshot (.tar.gz/.tgz or a directory with manifest.json), a "
                    "chef-repo (cookbooks/, roles/, environments/, data_bags/ ...) or a server "
                    "URL (http://, https://)");
}

ChefData load_source(const std::string& spec, const SourceReaders& readers) {
  switch (classify_source(spec)) {
    case SourceKind::Snapshot:
      return read_snapshot(spec);
    case SourceKind::Repo:
      if (!readers.repo) throw SourceError(spec + ": no chef-repo reader given");
      return readers.repo(spec);
    case SourceKind::Server:
      if (!readers.server) throw SourceError(spec + ": no server reader given");
      return readers.server(spec);
  }
  throw SourceError(spec + ": unknown source kind");
}

}  // namespace proofbox::backup
