#pragma once
// Moving a FileTree to and from disk: a directory, or a .tar.gz through libarchive. Both write
// into a temporary sibling, fsync it, and rename it over the target only when all went well.
#include <filesystem>

#include "snapshot/file_tree.hpp"

namespace proofbox::backup::snapshot {

void write_tree_dir(const FileTree& tree, const std::filesystem::path& target);
FileTree read_tree_dir(const std::filesystem::path& root);

void write_tree_archive(const FileTree& tree, const std::filesystem::path& target, long long mtime);
FileTree read_tree_archive(const std::filesystem::path& archive);

// Shared by both stores.
void fsync_path(const std::filesystem::path& path);  // a file or a directory
std::string errno_text(const std::string& what);     // "what: strerror(errno)"

}  // namespace proofbox::backup::snapshot
