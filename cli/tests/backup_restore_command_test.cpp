// `proofbox backup` and `proofbox restore` against a proofbox server on loopback: snapshot in,
// server, snapshot out; dry run; the second restore changes nothing; clear failures.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "proofbox/cli/backup_restore.hpp"
#include "proofbox/cli/source_readers.hpp"
#include "support/api_test_server.hpp"

namespace proofbox::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class BackupRestoreCommand : public ::testing::Test {
 protected:
  BackupRestoreCommand() {
    dir_ = fs::temp_directory_path() /
           ("proofbox-cli-br-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    backup::ChefData data;
    data.nodes["web01"] = Json{{"name", "web01"}, {"run_list", {"role[web]"}}};
    data.roles["web"] = Json{{"name", "web"}, {"run_list", {"recipe[nginx]"}}};
    data.data_bags["apps"]["shop"] = Json{{"id", "shop"}, {"port", 8080}};
    data.described = {"nodes", "roles", "data_bags"};
    backup::write_snapshot(data, dir_ / "in", {"test", "chef", backup::utc_timestamp_now()});
  }
  ~BackupRestoreCommand() override { fs::remove_all(dir_); }

  ServerOptions server_options() const {
    ServerOptions o;
    o.server = server_.url() + "/organizations/chef";
    o.retries = 1;
    return o;
  }

  int restore(bool dry_run, std::string& out_text, std::string& err_text) {
    RestoreCommandOptions o;
    o.server = server_options();
    o.source = (dir_ / "in").string();
    o.dry_run = dry_run;
    std::ostringstream out, err;
    int status = run_restore(o, out, err, local_source_readers());
    out_text = out.str();
    err_text = err.str();
    return status;
  }

  fs::path dir_;
  zero::testing::ApiTestServer server_;
};

TEST_F(BackupRestoreCommand, RestoreThenBackupGivesTheSnapshotBack) {
  std::string out, err;
  ASSERT_EQ(restore(true, out, err), 0) << err;
  EXPECT_THAT(out, HasSubstr("would create: data_bags 2, roles 1, nodes 1"));
  EXPECT_THAT(out, HasSubstr("  create nodes web01\n"));
  EXPECT_FALSE(server_.store().org("chef")->nodes().contains("web01"));

  ASSERT_EQ(restore(false, out, err), 0) << err;
  EXPECT_EQ(out, "create: data_bags 2, roles 1, nodes 1\n");
  EXPECT_THAT(err, HasSubstr("restore: nodes 1/1"));
  EXPECT_TRUE(server_.store().org("chef")->nodes().contains("web01"));
  ASSERT_EQ(restore(false, out, err), 0) << err;
  EXPECT_EQ(out, "nothing to change\n");

  BackupCommandOptions b;
  b.server = server_options();
  b.output = (dir_ / "out.tar.gz").string();
  std::ostringstream bout, berr;
  ASSERT_EQ(run_backup(b, bout, berr), 0) << berr.str();
  EXPECT_THAT(bout.str(), HasSubstr("to " + b.output));
  backup::ChefData copy = backup::read_snapshot(b.output);
  EXPECT_EQ(copy.nodes.at("web01")["run_list"], Json({"role[web]"}));
  EXPECT_EQ(copy.data_bags.at("apps").at("shop")["port"], 8080);
  EXPECT_TRUE(copy.describes("clients"));
}

TEST_F(BackupRestoreCommand, FailuresSayWhy) {
  RestoreCommandOptions o;
  o.server = server_options();
  o.source = (dir_ / "missing").string();
  std::ostringstream out, err;
  EXPECT_EQ(run_restore(o, out, err, local_source_readers()), 1);
  EXPECT_THAT(err.str(), HasSubstr("proofbox restore: "));

  BackupCommandOptions b;
  b.server = server_options();
  b.server.server = "http://127.0.0.1:1/organizations/chef";
  b.output = (dir_ / "never").string();
  std::ostringstream bout, berr;
  EXPECT_EQ(run_backup(b, bout, berr), 1);
  EXPECT_THAT(berr.str(), HasSubstr("proofbox backup: cannot read"));
  EXPECT_FALSE(fs::exists(dir_ / "never"));
}

}  // namespace
}  // namespace proofbox::cli
