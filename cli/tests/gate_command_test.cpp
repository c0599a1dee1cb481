// `proofbox gate` on a scratch git repo: --list, shards, JSON, the explanation, errors — in
// process through run_gate and once through the real binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>

#include "gate/scratch_git_repo.hpp"
#include "proofbox/cli/gate.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::cli {
namespace {

using specs::gate::testing::ScratchGitRepo;
using ::testing::HasSubstr;

struct GateRun {
  int status;
  std::string out;
  std::string err;
};

GateRun gate(const GateOptions& options) {
  std::ostringstream out, err;
  const int status = run_gate(options, out, err);
  return {status, out.str(), err.str()};
}

GateOptions options_for(const ScratchGitRepo& repo) {
  GateOptions options;
  options.repo = repo.path().string();
  options.base = "main";
  options.list = true;
  return options;
}

class GateCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_.write("cookbooks/base/recipes/default.rb", "package 'ntp'\n");
    repo_.commit("shared base change");
  }
  ScratchGitRepo repo_;
};

TEST_F(GateCommand, ListPrintsRoleNamesOnePerLine) {
  const GateRun run = gate(options_for(repo_));
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "app\nbase\nmemcached\n");
}

TEST_F(GateCommand, ShardsSplitTheList) {
  auto options = options_for(repo_);
  options.shard = "1/2";
  EXPECT_EQ(gate(options).out, "app\nmemcached\n");
  options.shard = "2/2";
  EXPECT_EQ(gate(options).out, "base\n");
  options.shard = "3/2";
  const GateRun bad = gate(options);
  EXPECT_EQ(bad.status, 2);
  EXPECT_THAT(bad.err, HasSubstr("proofbox gate: --shard '3/2' is not I/N"));
}

TEST_F(GateCommand, ListAsJsonCarriesReasons) {
  auto options = options_for(repo_);
  options.format = "json";
  const GateRun run = gate(options);
  ASSERT_EQ(run.status, 0) << run.err;
  const Json doc = Json::parse(run.out);
  ASSERT_EQ(doc["roles"].size(), 3u);
  EXPECT_EQ(doc["roles"][0]["name"], "app");
  EXPECT_THAT(doc["roles"][0]["reasons"][0].get<std::string>(),
              HasSubstr("role app nests role[base], role base runs recipe[base]"));
  EXPECT_EQ(doc["base"]["ref"], "main");
  EXPECT_EQ(doc["changes"][0]["kind"], "cookbook");
}

TEST_F(GateCommand, WithoutListExplainsThenConvergesTheSelectedRoles) {
  auto options = options_for(repo_);
  options.list = false;
  // The converge itself is the harness's (its e2e tests); here it records what gate asks for.
  std::vector<std::string> converged;
  options.functional = [&](const GateRunRequest& request, specs::Report& report, std::ostream&) {
    converged = request.roles;
    specs::SuiteResult suite{"functional: app", {}};
    suite.cases.push_back({"port 80 listening", "app", specs::Outcome::kFailed,
                           "expected: listening\n  actual: connection refused", "", 0,
                           std::chrono::microseconds(0), ""});
    report.suites.push_back(suite);
  };
  const GateRun run = gate(options);
  EXPECT_THAT(run.out, HasSubstr("3 roles affected:\n  app\n    - cookbook base changed"));
  // The unit specs ran (the scratch repo's spec/unit/roles.yml holds none, lint does).
  EXPECT_THAT(run.out, HasSubstr("lint"));
  EXPECT_EQ(converged.size(), 3u);
  EXPECT_EQ(converged.front(), "app");
  // A failing functional spec of a selected role fails the gate.
  EXPECT_THAT(run.out, HasSubstr("FAIL port 80 listening"));
  EXPECT_EQ(run.status, 1);
}

TEST(GateCommandNoRoles, NothingSelectedRunsOnlyTheUnitSpecs) {
  ScratchGitRepo repo;
  repo.write("README.md", "docs only\n");
  repo.commit("docs");
  auto options = options_for(repo);
  options.list = false;
  options.format = "junit";
  const GateRun run = gate(options);
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("<testsuites"));
  EXPECT_THAT(run.out, ::testing::Not(HasSubstr("functional specs")));
  // The explanation went to stderr, keeping stdout one XML document.
  EXPECT_THAT(run.err, HasSubstr("No role is affected."));
}

TEST_F(GateCommand, UnknownBaseIsAOneLineError) {
  auto options = options_for(repo_);
  options.base = "origin/missing";
  const GateRun run = gate(options);
  EXPECT_EQ(run.status, 2);
  EXPECT_THAT(run.err, HasSubstr("proofbox gate: unknown base ref 'origin/missing'"));
  EXPECT_EQ(run.out, "");
}

TEST_F(GateCommand, RealBinaryLists) {
  const std::string command = std::string(PROOFBOX_BINARY_DIR) + "/proofbox gate '" +
                              repo_.path().string() + "' --base main --list --shard 1/1";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
  EXPECT_EQ(::pclose(pipe), 0);
  EXPECT_EQ(out, "app\nbase\nmemcached\n");
}

}  // namespace
}  // namespace proofbox::cli
