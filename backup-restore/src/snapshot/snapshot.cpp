#include "proofbox/backup/snapshot/snapshot.hpp"

#include <ctime>

#include "snapshot/layout.hpp"
#include "snapshot/stores.hpp"

namespace proofbox::backup {
namespace fs = std::filesystem;

bool is_archive_path(const fs::path& path) {
  const std::string name = path.filename().string();
  auto ends_with = [&](std::string_view suffix) {
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".tar.gz") || ends_with(".tgz");
}

std::string utc_timestamp_now() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

namespace {

// The archive entries' mtime: the snapshot's own time, so the same data writes the same tar.
long long entry_mtime(const std::string& iso_time) {
  std::tm utc{};
  if (strptime(iso_time.c_str(), "%Y-%m-%dT%H:%M:%SZ", &utc) == nullptr) return 0;
  return static_cast<long long>(timegm(&utc));
}

}  // namespace

void write_snapshot(const ChefData& data, const fs::path& path, const SnapshotInfo& info) {
  snapshot::FileTree tree = snapshot::encode_snapshot(data, info);
  if (is_archive_path(path)) {
    snapshot::write_tree_archive(tree, path, entry_mtime(info.time));
  } else {
    snapshot::write_tree_dir(tree, path);
  }
}

ChefData read_snapshot(const fs::path& path, SnapshotInfo* info) {
  try {
    snapshot::FileTree tree =
        is_archive_path(path) ? snapshot::read_tree_archive(path) : snapshot::read_tree_dir(path);
    return snapshot::decode_snapshot(tree, info);
  } catch (const SnapshotError& e) {
    throw SnapshotError("snapshot " + path.string() + ": " + e.what());
  } catch (const fs::filesystem_error& e) {
    throw SnapshotError("snapshot " + path.string() + ": " + e.what());
  }
}

}  // namespace proofbox::backup
