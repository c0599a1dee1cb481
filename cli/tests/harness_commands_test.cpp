// converge, verify, test and login: the errors they give before any container exists, and their
// help. (Runs on real containers are in harness/tests/e2e.)
#include "proofbox/cli/harness_commands.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <sstream>

#include "proofbox/harness/run_state.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::cli {
namespace {

using backup::testing::read_file;
using backup::testing::TempDir;
using backup::testing::write_file;
using ::testing::HasSubstr;

struct Outcome {
  int status;
  std::string out;
  std::string err;
};

Outcome converge(const TempDir& repo, std::vector<std::string> roles = {}) {
  ConvergeCommandOptions options;
  options.repo = repo.path().string();
  options.roles = std::move(roles);
  std::ostringstream out, err;
  const int status = run_converge_command(options, out, err);
  return {status, out.str(), err.str()};
}

TEST(ConvergeCommand, ABadConfigIsAnErrorNamingFileAndLine) {
  TempDir repo;
  write_file(repo / "roles/web.json", "{}");
  write_file(repo / "proofbox.yml", "image: base\nruntime: podman\n");
  const Outcome result = converge(repo);
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr((repo / "proofbox.yml").string() + ":2: runtime must be"));
  EXPECT_EQ(result.out, "");
}

TEST(ConvergeCommand, NoRolesToConvergeSaysHowToGetSome) {
  TempDir repo;
  write_file(repo / "roles/web.json", "{}");
  const Outcome result = converge(repo);
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("no roles to converge"));
  EXPECT_THAT(result.err, HasSubstr("--role"));
}

TEST(ConvergeCommand, AnUnknownRoleIsAnError) {
  TempDir repo;
  const Outcome result = converge(repo, {"nosuch"});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("unknown role 'nosuch'"));
}

TEST(ConvergeCommand, ACycleInAfterIsAnError) {
  TempDir repo;
  write_file(repo / "proofbox.yml", "roles:\n  a: {after: [b]}\n  b: {after: [a]}\n");
  const Outcome result = converge(repo, {"a"});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("cycle: a -> b -> a"));
}

TEST(TestCommand, ABadConfigStopsItAfterTheUnitSpecs) {
  TempDir repo;
  write_file(repo / "roles/web.json", R"({"name": "web", "run_list": []})");
  write_file(repo / "proofbox.yml", "roles:\n  web: {timeout: never}\n");
  ConvergeCommandOptions options;
  options.repo = repo.path().string();
  std::ostringstream out, err;
  EXPECT_EQ(run_test_command(options, out, err), 2);
  EXPECT_THAT(err.str(), HasSubstr("proofbox test: unit specs"));
  EXPECT_THAT(err.str(), HasSubstr("proofbox.yml:2: roles.web.timeout"));
}

TEST(VerifyCommand, WithoutARunSaysToConvergeFirst) {
  TempDir repo;
  VerifyCommandOptions options;
  options.repo = repo.path().string();
  std::ostringstream out, err;
  EXPECT_EQ(run_verify_command(options, out, err), 2);
  EXPECT_THAT(err.str(), HasSubstr("run `proofbox converge` first"));
}

class LoginCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto dir = harness::runs_dir_for(repo.path()) / "0badc0de";
    std::filesystem::create_directories(dir);
    harness::RunState state;
    state.run_id = "0badc0de";
    state.runtime = "docker";
    state.nodes.push_back({"web", "web-1", "proofbox-0badc0de-web", "c1", "failed", false});
    harness::write_run_state(dir / "state.json", state);
    std::filesystem::create_directory_symlink("0badc0de",
                                              harness::runs_dir_for(repo.path()) / "latest");
  }
  Outcome login(const std::string& role) {
    LoginCommandOptions options;
    options.role = role;
    options.repo = repo.path().string();
    std::ostringstream err;
    const int status = run_login_command(options, err);
    return {status, "", err.str()};
  }
  TempDir repo;
};

TEST_F(LoginCommand, NamesTheRolesOfTheRunForAnUnknownRole) {
  const Outcome result = login("db");
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, HasSubstr("run 0badc0de has no role 'db' (its roles: web)"));
}

TEST_F(LoginCommand, SaysWhenTheContainerWasNotKept) {
  const Outcome result = login("web");
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("was not kept"));
  EXPECT_THAT(result.err, HasSubstr("--keep"));
}

TEST(HarnessCommands, HelpTeachesTheConfigAndTheOptions) {
  TempDir tmp;
  for (const std::string command : {"converge", "verify", "test", "login"}) {
    const std::string line = std::string(PROOFBOX_BINARY_DIR) + "/proofbox " + command +
                             " --help >'" + (tmp / "out").string() + "' 2>&1";
    const int raw = std::system(line.c_str());
    EXPECT_TRUE(WIFEXITED(raw) && WEXITSTATUS(raw) == 0) << command;
    const std::string help = read_file(tmp / "out");
    EXPECT_THAT(help, HasSubstr("Examples:")) << command;
    if (command != "login") {
      EXPECT_THAT(help, HasSubstr("--format")) << command;
    }
    if (command == "converge") {
      EXPECT_THAT(help, HasSubstr("proofbox.yml"));
      EXPECT_THAT(help, HasSubstr("after: [db]"));
      EXPECT_THAT(help, HasSubstr("--keep"));
      EXPECT_THAT(help, HasSubstr("run.jsonl"));
    }
  }
}

}  // namespace
}  // namespace proofbox::cli
