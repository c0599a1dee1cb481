#pragma once
// ChefData <-> FileTree: where each kind of object lives in a snapshot, and the manifest.
#include "proofbox/backup/chef_data.hpp"
#include "proofbox/backup/snapshot/snapshot.hpp"
#include "snapshot/file_tree.hpp"

namespace proofbox::backup::snapshot {

inline constexpr int kFormatVersion = 1;
inline constexpr const char* kFormatName = "proofbox-snapshot";
inline constexpr const char* kManifest = "manifest.json";
inline constexpr const char* kCookbookDocument = "_cookbook_version.json";
inline constexpr const char* kArtifactDocument = "_cookbook_artifact.json";
inline constexpr const char* kLooseFiles = "checksums";

// Lays `data` out as a snapshot tree with its manifest. Throws SnapshotError for what cannot be
// written faithfully (a name that is not a file name, a cookbook file with no bytes, ...).
FileTree encode_snapshot(const ChefData& data, const SnapshotInfo& info);

// Checks and decodes a whole tree; throws SnapshotError naming the first bad entry.
ChefData decode_snapshot(const FileTree& tree, SnapshotInfo* info);

// Pretty, key-sorted JSON with a final newline: stable text that diffs well in git.
std::string json_text(const Json& doc);

}  // namespace proofbox::backup::snapshot
