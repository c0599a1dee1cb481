#include "snapshot/file_tree.hpp"

#include "proofbox/backup/snapshot/snapshot.hpp"

namespace proofbox::backup::snapshot {

void FileTree::add_file(const std::string& path, std::string bytes, bool is_private) {
  if (dirs.count(path) || !files.emplace(path, std::move(bytes)).second) {
    throw SnapshotError(path + ": duplicate entry");
  }
  if (is_private) private_files.insert(path);
  auto slash = path.rfind('/');
  if (slash != std::string::npos) add_dir(path.substr(0, slash));
}

void FileTree::add_dir(const std::string& path) {
  for (std::size_t end = path.find('/');; end = path.find('/', end + 1)) {
    std::string dir = path.substr(0, end);
    if (files.count(dir)) throw SnapshotError(dir + ": both a file and a directory");
    dirs.insert(dir);
    if (end == std::string::npos) break;
  }
}

std::string checked_entry_path(std::string_view raw) {
  if (!raw.empty() && raw.front() == '/') {
    throw SnapshotError(std::string(raw) + ": absolute path in a snapshot");
  }
  std::string out;
  std::size_t pos = 0;
  while (pos <= raw.size()) {
    std::size_t end = raw.find('/', pos);
    if (end == std::string_view::npos) end = raw.size();
    std::string_view part = raw.substr(pos, end - pos);
    if (part == "..") throw SnapshotError(std::string(raw) + ": '..' in a snapshot entry");
    if (part.find('\0') != std::string_view::npos) {
      throw SnapshotError(std::string(raw) + ": NUL in a snapshot entry");
    }
    if (!part.empty() && part != ".") {
      if (!out.empty()) out += '/';
      out += part;
    }
    pos = end + 1;
  }
  return out;  // empty for "." or "./": the root itself
}

}  // namespace proofbox::backup::snapshot
