// A snapshot as one .tar.gz (pax format, so long and UTF-8 names survive), through libarchive.
#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <set>

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "snapshot/stores.hpp"

namespace proofbox::backup::snapshot {
namespace fs = std::filesystem;
namespace {

struct ArchiveWriteFree {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct ArchiveReadFree {
  void operator()(archive* a) const { archive_read_free(a); }
};
struct EntryFree {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};

[[noreturn]] void fail(archive* a, const std::string& what) {
  const char* why = archive_error_string(a);
  throw SnapshotError(what + ": " + (why ? why : "libarchive error"));
}

void add_entry(archive* a, const std::string& path, const std::string* bytes, mode_t perm,
               long long mtime, const fs::path& target) {
  std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
  // The raw bytes: in the C locale libarchive cannot convert a UTF-8 name and stores it as
  // binary (hdrcharset=BINARY), which reads back byte for byte.
  archive_entry_copy_pathname(entry.get(), path.c_str());
  archive_entry_set_filetype(entry.get(), bytes ? AE_IFREG : AE_IFDIR);
  archive_entry_set_perm(entry.get(), perm);
  archive_entry_set_size(entry.get(), bytes ? static_cast<la_int64_t>(bytes->size()) : 0);
  archive_entry_set_mtime(entry.get(), mtime, 0);
  // ARCHIVE_WARN is the "stored the name as binary" note above; the entry is written.
  if (archive_write_header(a, entry.get()) < ARCHIVE_WARN) fail(a, target.string() + ": " + path);
  if (bytes && !bytes->empty() &&
      archive_write_data(a, bytes->data(), bytes->size()) !=
          static_cast<la_ssize_t>(bytes->size())) {
    fail(a, target.string() + ": " + path);
  }
}

}  // namespace

void write_tree_archive(const FileTree& tree, const fs::path& target, long long mtime) {
  if (fs::is_directory(target)) {
    throw SnapshotError("refusing to replace " + target.string() + ": it is a directory");
  }
  fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  fs::create_directories(parent);
  std::string pattern = (parent / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw SnapshotError(errno_text("mkstemp in " + parent.string()));
  const fs::path tmp = pattern;
  try {
    ::fchmod(fd, 0600);  // it holds the manifest and any private keys
    std::unique_ptr<archive, ArchiveWriteFree> a(archive_write_new());
    if (archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK ||
        archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK ||
        archive_write_open_fd(a.get(), fd) != ARCHIVE_OK) {
      fail(a.get(), "write " + tmp.string());
    }
    for (const auto& dir : tree.dirs) add_entry(a.get(), dir, nullptr, 0755, mtime, target);
    for (const auto& [path, bytes] : tree.files) {
      add_entry(a.get(), path, &bytes, tree.private_files.count(path) ? 0600 : 0644, mtime, target);
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK) fail(a.get(), "write " + tmp.string());
    if (::fsync(fd) != 0) throw SnapshotError(errno_text("fsync " + tmp.string()));
    int rc = ::close(fd);
    fd = -1;
    if (rc != 0) throw SnapshotError(errno_text("close " + tmp.string()));
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
      throw SnapshotError(errno_text("rename to " + target.string()));
    }
    fsync_path(parent);
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
}

FileTree read_tree_archive(const fs::path& path) {
  std::unique_ptr<archive, ArchiveReadFree> a(archive_read_new());
  archive_read_support_filter_gzip(a.get());
  archive_read_support_format_tar(a.get());
  if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK) {
    fail(a.get(), path.string());
  }
  FileTree tree;
  std::set<std::string> explicit_dirs;  // directory entries seen, to refuse repeats
  archive_entry* entry = nullptr;
  while (true) {
    int rc = archive_read_next_header(a.get(), &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc != ARCHIVE_OK) fail(a.get(), path.string());
    const char* local = archive_entry_pathname(entry);  // null when the locale cannot hold it
    const char* raw_name = local ? local : archive_entry_pathname_utf8(entry);
    const std::string raw = raw_name ? raw_name : "";
    const std::string name = checked_entry_path(raw);
    if (archive_entry_hardlink(entry)) {
      throw SnapshotError(raw + ": a hard link (to " + archive_entry_hardlink(entry) +
                          "); snapshots hold only files and directories");
    }
    switch (archive_entry_filetype(entry)) {
      case AE_IFDIR:
        if (!name.empty()) {
          if (!explicit_dirs.insert(name).second) throw SnapshotError(name + ": duplicate entry");
          tree.add_dir(name);
        }
        break;
      case AE_IFREG: {
        if (name.empty()) throw SnapshotError(raw + ": a file with no name");
        std::string bytes;
        const la_int64_t size = archive_entry_size(entry);
        if (size > 0) bytes.reserve(static_cast<std::size_t>(size));
        char buffer[1 << 16];
        la_ssize_t n;
        while ((n = archive_read_data(a.get(), buffer, sizeof buffer)) > 0) {
          bytes.append(buffer, static_cast<std::size_t>(n));
        }
        if (n < 0) fail(a.get(), path.string() + ": " + raw);
        tree.add_file(name, std::move(bytes));
        break;
      }
      case AE_IFLNK: {
        const char* to = archive_entry_symlink(entry);
        throw SnapshotError(raw + ": a symbolic link (to " + (to ? to : "?") +
                            "); snapshots hold only files and directories");
      }
      default:
        throw SnapshotError(raw + ": not a regular file or directory");
    }
  }
  return tree;
}

}  // namespace proofbox::backup::snapshot
