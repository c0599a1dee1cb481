// The whole run on a repo directory: lint first, one suite per spec file, a spec file that does
// not parse becomes an error case with its line, -k keeps only matching cases.
#include "proofbox/specs/run_specs.hpp"

#include <gmock/gmock.h>

#include <fstream>

namespace proofbox::specs {
namespace {

namespace fs = std::filesystem;

class RunSpecs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("proofbox-run-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::copy(fs::path(PROOFBOX_SOURCE_DIR) / "specs/tests/fixtures/repo", dir_,
             fs::copy_options::recursive);
    fs::create_directories(dir_ / "spec/unit");
    std::ofstream(dir_ / "spec/unit/a.yml")
        << "expect:\n  - {role: db, includes: [db]}\n  - {search: users, query: 'uid:2001', "
           "returns: [alice]}\n";
    std::ofstream(dir_ / "spec/unit/b.yml") << "expect:\n  - role: db\n    include: [db]\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(RunSpecs, LintThenFilesThenParseErrors) {
  const Report report = run_unit_specs(dir_, {});
  ASSERT_EQ(report.suites.size(), 3u);
  EXPECT_EQ(report.suites[0].name, "lint");
  EXPECT_EQ(report.suites[1].name, "spec/unit/a.yml");
  EXPECT_EQ(report.suites[1].cases.size(), 2u);
  EXPECT_EQ(report.suites[2].name, "spec files that do not parse");
  const CaseResult& broken = report.suites[2].cases.at(0);
  EXPECT_EQ(broken.outcome, Outcome::kError);
  EXPECT_EQ(broken.file, "spec/unit/b.yml");
  EXPECT_EQ(broken.line, 3);
  EXPECT_THAT(broken.message, ::testing::StartsWith("spec/unit/b.yml:3: unknown key `include`"));
  EXPECT_FALSE(report.passed());
  EXPECT_EQ(report.count(Outcome::kFailed), 0u);
}

TEST_F(RunSpecs, FilterKeepsMatchingCasesOnly) {
  RunOptions options;
  options.files = {dir_ / "spec/unit/a.yml"};
  options.filter = "search(users";
  const Report report = run_unit_specs(dir_, options);
  ASSERT_EQ(report.suites.size(), 1u);
  ASSERT_EQ(report.suites[0].cases.size(), 1u);
  EXPECT_EQ(report.suites[0].cases[0].outcome, Outcome::kPassed)
      << report.suites[0].cases[0].message;
  EXPECT_TRUE(report.passed());
}

}  // namespace
}  // namespace proofbox::specs
