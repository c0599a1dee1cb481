// GitHub workflow command lines for failing cases, escaped so messages cannot break out.
#include "proofbox/specs/github_annotations.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace proofbox::specs {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

CaseResult make_case(std::string name, Outcome outcome, std::string message, std::string file,
                     int line) {
  CaseResult c;
  c.name = std::move(name);
  c.classname = "spec";
  c.outcome = outcome;
  c.message = std::move(message);
  c.file = std::move(file);
  c.line = line;
  return c;
}

Report sample() {
  Report report;
  SuiteResult unit{"unit specs", {}};
  unit.cases.push_back(
      make_case("role[web] expands", Outcome::kPassed, "", "spec/unit/roles.yml", 3));
  unit.cases.push_back(make_case("role[db] includes recipe[pg]", Outcome::kFailed,
                                 "expected recipe[pg]\nactual: [base, x:y]", "spec/unit/roles.yml",
                                 12));
  unit.cases.push_back(make_case("lint", Outcome::kError, "100% broken", "", 0));
  report.suites.push_back(unit);
  return report;
}

TEST(GithubAnnotations, OneErrorPerFailureWithFileAndLine) {
  std::ostringstream out;
  write_github_annotations(out, sample());
  EXPECT_EQ(out.str(),
            "::error file=spec/unit/roles.yml,line=12,title=unit specs%3A role[db] includes "
            "recipe[pg]::expected recipe[pg]%0Aactual: [base, x:y]\n"
            "::error title=unit specs%3A lint::100%25 broken\n"
            "::notice title=proofbox::1 passed, 1 failed, 1 errors, 0 skipped\n");
}

TEST(GithubAnnotations, PrefixMakesPathsWorkspaceRelative) {
  std::ostringstream out;
  write_github_annotations(out, sample(), "infra/chef-repo");
  EXPECT_THAT(out.str(), HasSubstr("::error file=infra/chef-repo/spec/unit/roles.yml,line=12,"));
}

TEST(GithubAnnotations, MessagesCannotForgeCommands) {
  Report report;
  report.suites.push_back(SuiteResult{
      "s", {make_case("c", Outcome::kFailed, "x\n::error file=evil::y\r\n", "a,b:c", 0)}});
  std::ostringstream out;
  write_github_annotations(out, report);
  EXPECT_THAT(out.str(), Not(HasSubstr("\n::error file=evil")));
  EXPECT_THAT(out.str(), HasSubstr("file=a%2Cb%3Ac,title="));
  EXPECT_THAT(out.str(), HasSubstr("::x%0A::error file=evil::y%0D%0A\n"));
}

TEST(GithubAnnotations, PassingReportHasOnlyTheNotice) {
  Report report;
  report.suites.push_back(SuiteResult{"s", {make_case("ok", Outcome::kPassed, "", "", 0)}});
  std::ostringstream out;
  write_github_annotations(out, report);
  EXPECT_EQ(out.str(), "::notice title=proofbox::1 passed, 0 failed, 0 errors, 0 skipped\n");
}

}  // namespace
}  // namespace proofbox::specs
