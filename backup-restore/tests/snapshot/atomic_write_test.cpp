// A write that fails part way leaves the target as it was and no temporary files behind.
// The failure is real: RLIMIT_FSIZE makes the kernel refuse a write past the limit (EFBIG).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>

#include <cstdint>

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "support/sample_chef_data.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::backup {
namespace {

using testing::TempDir;

const SnapshotInfo kInfo{"https://chef.example.test", "acme", "2026-11-23T10:00:00Z"};

// Writes with the file size limit at `limit` bytes; returns whether the write threw.
bool write_with_size_limit(const ChefData& data, const std::filesystem::path& path, rlim_t limit) {
  struct rlimit old {};
  getrlimit(RLIMIT_FSIZE, &old);
  auto old_handler = signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = old;
  small.rlim_cur = limit;
  setrlimit(RLIMIT_FSIZE, &small);
  bool threw = false;
  try {
    write_snapshot(data, path, kInfo);
  } catch (const SnapshotError&) {
    threw = true;
  }
  setrlimit(RLIMIT_FSIZE, &old);
  signal(SIGXFSZ, old_handler);
  return threw;
}

// A sample whose biggest cookbook file (sorted late among the entries) is too big to write.
ChefData with_big_file() {
  ChefData data = testing::sample_chef_data();
  // Incompressible, so the .tar.gz grows past the limit too.
  std::string big(256 * 1024, '\0');
  std::uint32_t state = 12345;
  for (char& c : big) {
    state = state * 1664525u + 1013904223u;
    c = static_cast<char>(state >> 24);
  }
  data.cookbooks["zzz-1.0.0"] = testing::cookbook_version(
      "zzz", "1.0.0", {testing::cookbook_file(data, "files/big", "files/default/big", big)});
  return data;
}

std::size_t entries_in(const std::filesystem::path& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir),
                                                std::filesystem::directory_iterator()));
}

class AtomicWrite : public ::testing::TestWithParam<std::string> {};

TEST_P(AtomicWrite, FailedFirstWriteLeavesNoTarget) {
  TempDir tmp;
  const auto path = tmp / ("snap" + GetParam());
  ASSERT_TRUE(write_with_size_limit(with_big_file(), path, 64 * 1024));
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_EQ(entries_in(tmp.path()), 0u);  // no temporary directory or file left
}

TEST_P(AtomicWrite, FailedOverwriteKeepsTheOldSnapshot) {
  TempDir tmp;
  const auto path = tmp / ("snap" + GetParam());
  ChefData old_data;
  old_data.describe_all();
  old_data.nodes["old"] = Json{{"name", "old"}};
  write_snapshot(old_data, path, kInfo);
  ASSERT_TRUE(write_with_size_limit(with_big_file(), path, 64 * 1024));
  const ChefData back = read_snapshot(path);
  EXPECT_EQ(back.nodes.size(), 1u);
  EXPECT_EQ(back.nodes.count("old"), 1u);
  EXPECT_EQ(entries_in(tmp.path()), 1u);
}

TEST_P(AtomicWrite, TheSameWriteSucceedsWithoutTheLimit) {
  // Proves the failures above come from the limit, not from the data.
  TempDir tmp;
  const auto path = tmp / ("snap" + GetParam());
  EXPECT_FALSE(write_with_size_limit(with_big_file(), path, RLIM_INFINITY));
  EXPECT_EQ(read_snapshot(path).cookbooks.count("zzz-1.0.0"), 1u);
}

INSTANTIATE_TEST_SUITE_P(DirAndArchive, AtomicWrite, ::testing::Values("", ".tar.gz"),
                         [](const auto& info) {
                           return info.param.empty() ? std::string("dir") : std::string("targz");
                         });

}  // namespace
}  // namespace proofbox::backup
