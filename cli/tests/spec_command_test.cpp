// `proofbox spec` as CI runs it: the real binary on the fixture chef-repo and on a copy with a
// failing spec; exit status, the failure's expectation and actual value, JUnit output, -k.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include "support/temp_dir.hpp"

namespace proofbox::cli {
namespace {

namespace fs = std::filesystem;
using backup::testing::read_file;
using backup::testing::TempDir;
using ::testing::HasSubstr;

const fs::path kRepo = fs::path(PROOFBOX_SOURCE_DIR) / "fixtures/chef-repo";

struct SpecRun {
  int status = -1;
  std::string out, err;
};

SpecRun proofbox(const TempDir& tmp, const std::string& args) {
  const std::string command = std::string(PROOFBOX_BINARY_DIR) + "/proofbox spec " + args + " >'" +
                              (tmp / "out").string() + "' 2>'" + (tmp / "err").string() + "'";
  const int raw = std::system(command.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, read_file(tmp / "out"), read_file(tmp / "err")};
}

TEST(SpecCommand, FixtureRepoPasses) {
  TempDir tmp;
  const SpecRun run = proofbox(tmp, "'" + kRepo.string() + "'");
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("lint: 8/8 passed"));
  EXPECT_THAT(run.out, HasSubstr("spec/unit/search.yml (search and data bags): 6/6 passed"));
  EXPECT_EQ(run.err, "");
}

// examples/chef-repo has proofbox.yml at its root: still the repo, not a directory of specs.
TEST(SpecCommand, RepoWithYamlAtItsRootIsTheRepo) {
  TempDir tmp;
  const fs::path example = fs::path(PROOFBOX_SOURCE_DIR) / "examples/chef-repo";
  ASSERT_TRUE(fs::exists(example / "proofbox.yml"));
  const SpecRun run = proofbox(tmp, "'" + example.string() + "'");
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("spec/unit/roles.yml (roles and environments)"));
  EXPECT_THAT(run.out, ::testing::Not(HasSubstr("proofbox.yml")));
}

TEST(SpecCommand, FailureShowsExpectationAndActualAndExitsOne) {
  TempDir tmp;
  fs::copy(kRepo, tmp / "repo", fs::copy_options::recursive);
  std::ofstream(tmp / "repo/spec/unit/zz_wrong.yml")
      << "expect:\n  - role: web\n    environment: production\n    attributes:\n"
         "      webapp.port: 9090\n";
  const SpecRun run = proofbox(tmp, "'" + (tmp / "repo").string() + "' --format junit -o '" +
                                        (tmp / "unit.xml").string() + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "proofbox spec: 1 failed, 0 errors\n");
  EXPECT_THAT(run.out, HasSubstr("FAIL role[web] in production attributes [webapp.port] "
                                 "(spec/unit/zz_wrong.yml:2)\n"
                                 "      attribute webapp.port (merged, line 5)\n"
                                 "        expected: 9090\n"
                                 "          actual: 8080\n"));
  const SpecRun annotated =
      proofbox(tmp, "'" + (tmp / "repo").string() + "' -k zz_wrong --no-lint --annotations");
  EXPECT_EQ(annotated.status, 1);
  EXPECT_THAT(annotated.out, HasSubstr("::error file="));
  EXPECT_THAT(annotated.out, HasSubstr("spec/unit/zz_wrong.yml,line=2,"));
  const std::string xml = read_file(tmp / "unit.xml");
  EXPECT_THAT(xml, HasSubstr("<testsuites name=\"proofbox\" tests=\"21\" failures=\"1\""));
  EXPECT_THAT(xml, HasSubstr("expected: 9090"));
}

TEST(SpecCommand, FilterAndExplicitFiles) {
  TempDir tmp;
  const SpecRun run =
      proofbox(tmp, "'" + kRepo.string() + "' '" + (kRepo / "spec/unit/search.yml").string() +
                        "' -k canary --no-lint --format json");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("returns [web01.example.com]"));
  EXPECT_THAT(run.out, ::testing::Not(HasSubstr("recipes:memcached")));
  const SpecRun none = proofbox(tmp, "'" + kRepo.string() + "' -k no-such-case");
  EXPECT_EQ(none.status, 1);
  EXPECT_EQ(none.err, "proofbox spec: nothing ran (-k matched no case)\n");
}

TEST(SpecCommand, MissingRepoOrFileIsAnError) {
  TempDir tmp;
  const SpecRun run = proofbox(tmp, "'" + kRepo.string() + "' nowhere.yml");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "proofbox spec: nowhere.yml: no such file\n");
}

}  // namespace
}  // namespace proofbox::cli
