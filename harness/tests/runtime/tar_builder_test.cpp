#include "runtime/tar_builder.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness::runtime {
namespace {

struct Entry {
  std::string path;
  unsigned mode = 0;
  unsigned type = 0;
  std::string content;
};

std::vector<Entry> read_tar(const std::string& tar) {
  std::vector<Entry> entries;
  archive* reader = archive_read_new();
  archive_read_support_format_tar(reader);
  EXPECT_EQ(archive_read_open_memory(reader, tar.data(), tar.size()), ARCHIVE_OK);
  archive_entry* entry = nullptr;
  while (archive_read_next_header(reader, &entry) == ARCHIVE_OK) {
    Entry e{archive_entry_pathname(entry), archive_entry_perm(entry), archive_entry_filetype(entry),
            ""};
    char buf[4096];
    la_ssize_t n;
    while ((n = archive_read_data(reader, buf, sizeof buf)) > 0) e.content.append(buf, n);
    entries.push_back(e);
  }
  archive_read_free(reader);
  return entries;
}

TEST(SingleFileTar, HoldsOneFileRelativeToRootWithItsMode) {
  auto tar = single_file_tar("/etc/chef/validation.pem", "secret key\n", 0600);
  EXPECT_EQ(tar.size() % 512, 0u);
  auto entries = read_tar(tar);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].path, "etc/chef/validation.pem");
  EXPECT_EQ(entries[0].mode, 0600u);
  EXPECT_EQ(entries[0].type, static_cast<unsigned>(AE_IFREG));
  EXPECT_EQ(entries[0].content, "secret key\n");
}

TEST(SingleFileTar, KeepsBinaryContentAndExecutableMode) {
  std::string content("\0\x01\xff bootstrap", 13);
  auto entries = read_tar(single_file_tar("bootstrap.sh", content, 0755));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].mode, 0755u);
  EXPECT_EQ(entries[0].content, content);
}

TEST(SingleFileTar, AnEmptyFileIsStillAFile) {
  auto entries = read_tar(single_file_tar("/tmp/empty", "", 0644));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].content, "");
}

TEST(SingleFileTar, RefusesADirectoryPath) {
  EXPECT_THROW(single_file_tar("/etc/chef/", "x", 0600), RuntimeError);
  EXPECT_THROW(single_file_tar("/", "x", 0600), RuntimeError);
}

}  // namespace
}  // namespace proofbox::harness::runtime
