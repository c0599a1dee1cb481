// The round trip the issue names: the fixture chef-repo restored into proofbox, backed up again
// and compared with the repo — nothing may be lost or changed on the way, over HTTP and in
// process, through a snapshot on disk too.
#include <gtest/gtest.h>

#include <filesystem>

#include "proofbox/backup/diff.hpp"
#include "proofbox/backup/repo/read_chef_repo.hpp"
#include "proofbox/backup/server/server_reader.hpp"
#include "proofbox/backup/server/server_writer.hpp"
#include "proofbox/backup/snapshot/snapshot.hpp"
#include "support/backup_test_support.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::backup {
namespace {

const std::filesystem::path kFixtureRepo =
    std::filesystem::path(PROOFBOX_SOURCE_DIR) / "fixtures" / "chef-repo";

void expect_same(const ChefData& a, const ChefData& b, const char* what) {
  DiffResult diff = diff_chef_data(a, b);
  EXPECT_TRUE(diff.same()) << what << ":\n" << format_diff_human(diff, "repo", "server");
}

class RepoRoundTrip : public ::testing::Test {
 protected:
  void SetUp() override { repo_ = repo::read_chef_repo(kFixtureRepo); }

  // Restores the repo with `client`, checks the restore and the backup against the repo.
  void round_trip(client::ChefClient& client) {
    server::RestoreResult restored = server::restore(client, repo_);
    ASSERT_TRUE(restored.ok()) << ::testing::PrintToString(restored.errors);
    EXPECT_GT(restored.plan.count(server::Change::Op::kCreate, "cookbooks"), 0u);

    server::ReadResult backup = server::read_server(client);
    expect_same(repo_, backup.data, "backup of the restored repo");
    // Every cookbook file came back with the bytes the repo has.
    for (const auto& [md5, bytes] : repo_.files) {
      ASSERT_EQ(backup.data.files.count(md5), 1u) << md5;
      EXPECT_EQ(backup.data.files.at(md5), bytes) << md5;
    }
    // A second restore finds nothing to do.
    server::RestorePlan again = server::plan_restore(client, repo_);
    EXPECT_TRUE(again.empty()) << again.summary();
    backup_ = std::move(backup.data);
  }

  ChefData repo_;
  ChefData backup_;
  testing::SignedServer server_;
};

TEST_F(RepoRoundTrip, FixtureRepoHoldsEveryRepoKind) {
  EXPECT_FALSE(repo_.cookbooks.empty());
  EXPECT_FALSE(repo_.roles.empty());
  EXPECT_FALSE(repo_.environments.empty());
  EXPECT_FALSE(repo_.data_bags.empty());
  EXPECT_FALSE(repo_.files.empty());
}

TEST_F(RepoRoundTrip, InProcessRestoreThenBackupEqualsTheRepo) {
  auto client = server_.in_process_client();
  round_trip(client);
}

TEST_F(RepoRoundTrip, OverHttpRestoreThenBackupEqualsTheRepo) {
  auto client = server_.http_client(8);
  round_trip(client);
}

TEST_F(RepoRoundTrip, SnapshotOfTheBackupEqualsTheRepo) {
  auto client = server_.in_process_client();
  round_trip(client);
  testing::TempDir dir;
  for (const char* name : {"snap", "snap.tar.gz"}) {
    auto path = dir.path() / name;
    write_snapshot(backup_, path, SnapshotInfo{"test", "chef", utc_timestamp_now()});
    expect_same(repo_, read_snapshot(path), name);
  }
}

}  // namespace
}  // namespace proofbox::backup
