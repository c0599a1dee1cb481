// `proofbox diff` as scripts run it: the real binary, its exit status and its output.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "support/sample_chef_data.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::cli {
namespace {

using backup::testing::read_file;
using ::testing::HasSubstr;

struct ProcessResult {
  int status = -1;
  std::string out;
  std::string err;
};

ProcessResult run_proofbox(const backup::testing::TempDir& tmp, const std::string& args) {
  const std::string command = std::string(PROOFBOX_BINARY_DIR) + "/proofbox " + args + " >'" +
                              (tmp / "out").string() + "' 2>'" + (tmp / "err").string() + "'";
  int raw = std::system(command.c_str());
  ProcessResult run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_file(tmp / "out");
  run.err = read_file(tmp / "err");
  return run;
}

const backup::SnapshotInfo kInfo{"test", "acme", "2026-11-23T10:00:00Z"};

class DiffCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = backup::testing::sample_chef_data();
    backup::write_snapshot(data_, tmp_ / "a", kInfo);
    backup::write_snapshot(data_, tmp_ / "a.tar.gz", kInfo);
    backup::ChefData changed = data_;
    changed.roles["web"]["run_list"] = {"recipe[nginx]"};
    changed.nodes.erase("web01");
    backup::write_snapshot(changed, tmp_ / "b.tgz", kInfo);
  }
  std::string path(const std::string& name) { return "'" + (tmp_ / name).string() + "'"; }

  backup::testing::TempDir tmp_;
  backup::ChefData data_;
};

TEST_F(DiffCommand, SameSnapshotsExitZero) {
  ProcessResult run = run_proofbox(tmp_, "diff " + path("a") + " " + path("a.tar.gz"));
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("same: no differences"));
  EXPECT_EQ(run.err, "");
}

TEST_F(DiffCommand, DifferentSnapshotsExitOneAndSayWhat) {
  ProcessResult run = run_proofbox(tmp_, "diff " + path("a") + " " + path("b.tgz"));
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_THAT(run.out, HasSubstr("nodes: 1 only in A, 0 only in B, 0 changed\n  - web01\n"));
  EXPECT_THAT(run.out, HasSubstr("  ~ web: /run_list\n"));
  EXPECT_THAT(run.out, HasSubstr("differ: 2 differences in 2 kinds"));
}

TEST_F(DiffCommand, JsonFormat) {
  ProcessResult run = run_proofbox(tmp_, "diff --format json " + path("a") + " " + path("b.tgz"));
  EXPECT_EQ(run.status, 1) << run.err;
  const Json out = Json::parse(run.out);
  EXPECT_EQ(out["same"], false);
  EXPECT_EQ(out["kinds"]["nodes"]["only_in_a"], Json{"web01"});
  EXPECT_EQ(out["kinds"]["roles"]["changed"]["web"], Json{"/run_list"});
}

TEST_F(DiffCommand, MissingSourceExitsTwoWithOneLine) {
  ProcessResult run = run_proofbox(tmp_, "diff " + path("a") + " " + path("nope.tar.gz"));
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.err, HasSubstr("nope.tar.gz: no such file"));
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1);
  EXPECT_EQ(run.out, "");
}

TEST_F(DiffCommand, CorruptSnapshotExitsTwoNamingTheEntry) {
  backup::testing::write_file(tmp_ / "a/roles/web.json", "{}\n");
  ProcessResult run = run_proofbox(tmp_, "diff " + path("a") + " " + path("b.tgz"));
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.err, HasSubstr("roles/web.json: sha256"));
}

TEST_F(DiffCommand, ComparesAChefRepoWithItsCopyAndSeesAnEditedRole) {
  const std::filesystem::path fixture =
      std::filesystem::path(PROOFBOX_SOURCE_DIR) / "fixtures" / "chef-repo";
  std::filesystem::copy(fixture, tmp_ / "repo", std::filesystem::copy_options::recursive);
  ProcessResult same = run_proofbox(tmp_, "diff " + fixture.string() + " " + path("repo"));
  EXPECT_EQ(same.status, 0) << same.out << same.err;

  backup::testing::write_file(tmp_ / "repo/roles/base.json",
                              R"({"name": "base", "run_list": ["recipe[chrony]"]})");
  ProcessResult changed = run_proofbox(tmp_, "diff " + fixture.string() + " " + path("repo"));
  EXPECT_EQ(changed.status, 1) << changed.err;
  EXPECT_THAT(changed.out, HasSubstr("base"));
}

TEST_F(DiffCommand, UsageErrorsExitTwo) {
  EXPECT_EQ(run_proofbox(tmp_, "diff " + path("a")).status, 2);
  EXPECT_EQ(run_proofbox(tmp_, "diff --format xml " + path("a") + " " + path("a")).status, 2);
  EXPECT_EQ(run_proofbox(tmp_, "diff --help").status, 0);
}

}  // namespace
}  // namespace proofbox::cli
