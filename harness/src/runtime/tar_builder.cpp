#include "runtime/tar_builder.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness::runtime {
namespace {

la_ssize_t append_to_string(struct archive*, void* client, const void* buffer, size_t length) {
  static_cast<std::string*>(client)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

}  // namespace

std::string single_file_tar(const std::string& path, std::string_view content, unsigned mode) {
  auto relative = path;
  while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
  if (relative.empty() || relative.back() == '/') {
    throw RuntimeError("cannot write '" + path + "': not a file path");
  }
  std::string out;
  std::unique_ptr<archive, decltype(&archive_write_free)> writer(archive_write_new(),
                                                                 &archive_write_free);
  archive_write_set_format_pax_restricted(writer.get());
  // Docker reads the archive as a stream: no padding to 10 KiB blocks is needed, but it is
  // harmless; keep the default so any tar reader accepts it.
  if (archive_write_open(writer.get(), &out, nullptr, append_to_string, nullptr) != ARCHIVE_OK) {
    throw RuntimeError(std::string("cannot build a tar for '") + path +
                       "': " + archive_error_string(writer.get()));
  }
  std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                      &archive_entry_free);
  archive_entry_set_pathname(entry.get(), relative.c_str());
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), mode & 07777);
  archive_entry_set_size(entry.get(), static_cast<la_int64_t>(content.size()));
  archive_entry_set_uid(entry.get(), 0);
  archive_entry_set_gid(entry.get(), 0);
  archive_entry_set_mtime(entry.get(), time(nullptr), 0);
  if (archive_write_header(writer.get(), entry.get()) != ARCHIVE_OK ||
      (!content.empty() && archive_write_data(writer.get(), content.data(), content.size()) < 0) ||
      archive_write_close(writer.get()) != ARCHIVE_OK) {
    throw RuntimeError(std::string("cannot build a tar for '") + path +
                       "': " + archive_error_string(writer.get()));
  }
  return out;
}

}  // namespace proofbox::harness::runtime
