#pragma once
// The snapshot as a set of relative paths and their bytes: the layout code turns ChefData into
// one of these and back, and the directory and archive stores only move trees to and from disk.
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace proofbox::backup::snapshot {

struct FileTree {
  std::map<std::string, std::string> files;  // "nodes/web01.json" -> bytes
  std::set<std::string> dirs;                // every directory, empty ones included
  std::set<std::string> private_files;       // written with mode 0600

  // Adds a file and its parent directories. Throws SnapshotError on a duplicate path.
  void add_file(const std::string& path, std::string bytes, bool is_private = false);
  void add_dir(const std::string& path);
};

// Checks one entry name from a directory walk or an archive and returns it in canonical form
// ("./a//b/" -> "a/b"). Throws SnapshotError for an absolute path, a ".." component, or an
// empty name.
std::string checked_entry_path(std::string_view raw);

}  // namespace proofbox::backup::snapshot
