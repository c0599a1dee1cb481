#pragma once
// Builds .tar.gz files entry by entry, including the hostile kinds a snapshot reader must
// refuse (absolute names, "..", links, duplicates).
#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace proofbox::backup::testing {

struct CraftedEntry {
  enum Type { File, Dir, Symlink, Hardlink } type = File;
  std::string name;
  std::string bytes;  // file contents, or the link target
};

inline void write_crafted_archive(const std::filesystem::path& path,
                                  const std::vector<CraftedEntry>& entries) {
  archive* a = archive_write_new();
  archive_write_add_filter_gzip(a);
  archive_write_set_format_pax_restricted(a);
  archive_write_open_filename(a, path.c_str());
  for (const auto& e : entries) {
    archive_entry* entry = archive_entry_new();
    archive_entry_copy_pathname(entry, e.name.c_str());
    archive_entry_set_perm(entry, 0644);
    switch (e.type) {
      case CraftedEntry::File:
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_size(entry, static_cast<la_int64_t>(e.bytes.size()));
        break;
      case CraftedEntry::Dir:
        archive_entry_set_filetype(entry, AE_IFDIR);
        break;
      case CraftedEntry::Symlink:
        archive_entry_set_filetype(entry, AE_IFLNK);
        archive_entry_copy_symlink(entry, e.bytes.c_str());
        break;
      case CraftedEntry::Hardlink:
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_copy_hardlink(entry, e.bytes.c_str());
        break;
    }
    archive_write_header(a, entry);
    if (e.type == CraftedEntry::File && !e.bytes.empty()) {
      archive_write_data(a, e.bytes.data(), e.bytes.size());
    }
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
}

// Every file of a directory snapshot as archive entries (relative names, sorted).
inline std::vector<CraftedEntry> entries_of_dir(const std::filesystem::path& root) {
  std::vector<CraftedEntry> out;
  for (const auto& item : std::filesystem::recursive_directory_iterator(root)) {
    if (!item.is_regular_file()) continue;
    out.push_back({CraftedEntry::File,
                   std::filesystem::relative(item.path(), root).generic_string(),
                   read_file(item.path())});
  }
  return out;
}

}  // namespace proofbox::backup::testing
