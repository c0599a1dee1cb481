// The lint suite: the fixture repo is clean; broken copies of it fail with file and line.
#include "proofbox/specs/lint.hpp"

#include <gmock/gmock.h>

#include <fstream>

namespace proofbox::specs {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kRepo = fs::path(PROOFBOX_SOURCE_DIR) / "specs/tests/fixtures/repo";

std::string failures(const std::vector<CaseResult>& cases) {
  std::string out;
  for (const auto& c : cases) {
    if (c.outcome != Outcome::kPassed)
      out += c.name + " @" + c.file + ":" + std::to_string(c.line) + "\n" + c.message + "\n";
  }
  return out;
}

class BrokenRepo : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("proofbox-lint-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::copy(kRepo, dir_, fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& relative, const std::string& text) {
    std::ofstream(dir_ / relative) << text;
  }
  // The one failing case of linting the copy.
  CaseResult only_failure() {
    const auto cases = lint_repo(load_repo(dir_));
    const CaseResult* found = nullptr;
    for (const auto& c : cases) {
      if (c.outcome == Outcome::kPassed) continue;
      EXPECT_EQ(found, nullptr) << failures(cases);
      found = &c;
    }
    EXPECT_NE(found, nullptr);
    return found ? *found : CaseResult{};
  }
  fs::path dir_;
};

TEST(Lint, FixtureRepoIsClean) {
  const auto cases = lint_repo(load_repo(kRepo));
  EXPECT_EQ(failures(cases), "");
  // files load + 4 roles + 1 node + 2 environments
  EXPECT_EQ(cases.size(), 8u);
  EXPECT_THAT(cases[0].name, HasSubstr("every file loads"));
}

TEST_F(BrokenRepo, MissingCookbookRecipeAndRole) {
  write("roles/web.json", R"({
  "name": "web",
  "run_list": ["recipe[base]", "recipe[nginx]",
               "recipe[app::nosuch]",
               "role[ghost]"]
})");
  const CaseResult c = only_failure();
  EXPECT_EQ(c.name, "role[web] names existing cookbooks, recipes and roles");
  EXPECT_EQ(c.file, "roles/web.json");
  EXPECT_EQ(c.line, 3);
  EXPECT_EQ(c.message,
            "line 3: run_list: recipe[nginx] names cookbook 'nginx', which is not in cookbooks/ or "
            "site-cookbooks/\n"
            "line 4: run_list: recipe[app::nosuch] names recipe 'app::nosuch', but cookbook 'app' "
            "has no recipes/nosuch.rb\n"
            "line 5: run_list: role[ghost] names a role the repo does not have");
}

TEST_F(BrokenRepo, EnvRunListsAreCheckedToo) {
  write("roles/web.rb",
        "name 'web'\nrun_list 'recipe[app]'\nenv_run_lists('_default' => ['recipe[app]'], "
        "'staging' => ['recipe[db::restore]'])\n");
  const CaseResult c = only_failure();
  EXPECT_EQ(c.file, "roles/web.rb");
  EXPECT_EQ(c.line, 3);
  EXPECT_THAT(c.message, HasSubstr("env_run_lists[staging]: recipe[db::restore] names recipe "
                                   "'db::restore', but cookbook 'db' has no recipes/restore.rb"));
}

TEST_F(BrokenRepo, UnsatisfiablePin) {
  write("environments/qa.json",
        "{\n  \"name\": \"qa\",\n  \"cookbook_versions\": {\n    \"app\": \">= 2.0.0\"\n  }\n}\n");
  const CaseResult c = only_failure();
  EXPECT_EQ(c.name, "environment qa pins are satisfiable");
  EXPECT_EQ(c.line, 4);
  EXPECT_EQ(c.message,
            "line 4: pin app >= 2.0.0 is not satisfiable\n    actual: the repo has app 1.0.0");
}

TEST_F(BrokenRepo, EveryBrokenFileIsReportedWithItsLine) {
  write("roles/bad.json", "{\n  \"name\": \"bad\",\n  \"run_list\": [\n}\n");
  write("environments/bad.rb", "name 'bad'\n\ncookbook 'app', '>= 1.0'\nraise 'boom'\n");
  const auto cases = lint_repo(load_repo(dir_));
  std::vector<const CaseResult*> bad;
  for (const auto& c : cases) {
    if (c.outcome != Outcome::kPassed) bad.push_back(&c);
  }
  ASSERT_EQ(bad.size(), 2u) << failures(cases);
  EXPECT_EQ(bad[0]->name, "roles/bad.json loads");
  EXPECT_EQ(bad[0]->line, 4);
  EXPECT_THAT(bad[0]->message, ::testing::StartsWith("roles/bad.json:4: "));
  EXPECT_EQ(bad[1]->name, "environments/bad.rb loads");
  EXPECT_EQ(bad[1]->line, 4);
  EXPECT_THAT(bad[1]->message, HasSubstr("boom"));
}

}  // namespace
}  // namespace proofbox::specs
