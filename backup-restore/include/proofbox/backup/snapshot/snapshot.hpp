#pragma once
// A snapshot: one ChefData on disk, either as a directory in knife-download layout or as the
// same tree in one .tar.gz (picked by the path's suffix).
//
//   manifest.json                      format version, server, org, time, described kinds,
//                                      counts, data bag names, and the sha256 of every file
//   nodes/ roles/ environments/ clients/ users/      NAME.json
//   data_bags/BAG/ITEM.json            (empty bags are empty directories, and listed in the
//                                      manifest because git and some tools drop empty dirs)
//   policies/NAME-REVISION.json  policy_groups/GROUP.json
//   cookbooks/NAME-VERSION/            the cookbook's files at their paths, plus
//                                      _cookbook_version.json: the version document itself
//   cookbook_artifacts/NAME-ID/        the same, with _cookbook_artifact.json
//   checksums/MD5                      file bytes no cookbook or artifact refers to
//
// Writes are atomic (a temporary sibling, fsync, rename): a failed write leaves the target as it
// was. Reads check every entry before returning anything, so a restore never starts from a
// damaged snapshot.
#include <filesystem>
#include <stdexcept>
#include <string>

#include "proofbox/backup/chef_data.hpp"

namespace proofbox::backup {

// Where a snapshot came from; recorded in its manifest.
struct SnapshotInfo {
  std::string server;  // the server URL, or a description such as "chef-repo /path"
  std::string org;
  std::string time;  // ISO 8601 UTC, e.g. "2026-11-23T10:00:00Z"
};

// Anything wrong with a snapshot being read or written; the message names the entry.
class SnapshotError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// True when `path` names a .tar.gz/.tgz snapshot rather than a directory.
bool is_archive_path(const std::filesystem::path& path);

// The current time in the form SnapshotInfo::time uses.
std::string utc_timestamp_now();

// Writes `data` to `path` (a directory, or an archive when is_archive_path). An existing
// snapshot at `path` is replaced atomically; anything else already there is refused.
void write_snapshot(const ChefData& data, const std::filesystem::path& path,
                    const SnapshotInfo& info);

// Reads and checks a whole snapshot. Throws SnapshotError naming the first bad entry.
ChefData read_snapshot(const std::filesystem::path& path, SnapshotInfo* info = nullptr);

}  // namespace proofbox::backup
