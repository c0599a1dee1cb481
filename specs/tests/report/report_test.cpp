#include "proofbox/specs/report.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace proofbox::specs {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Report sample_report() {
  Report report;
  SuiteResult unit{"unit specs", {}};
  unit.cases.push_back({"role[web] expands to recipe[nginx]", "spec/unit/roles.yml",
                        Outcome::kPassed, "", "spec/unit/roles.yml", 3,
                        std::chrono::microseconds(1500), ""});
  unit.cases.push_back({"search finds memcached nodes", "spec/unit/search.yml", Outcome::kFailed,
                        "expected: [mc1, mc2]\n  actual: [mc1]", "spec/unit/search.yml", 12,
                        std::chrono::microseconds(2500), ""});
  SuiteResult functional{"functional: memcached", {}};
  functional.cases.push_back({"port 11211 <open> & \"ready\"", "memcached", Outcome::kError,
                              "container vanished", "", 0, std::chrono::microseconds(1000000),
                              std::string("log line\x01 with control byte")});
  functional.cases.push_back({"http /status", "memcached", Outcome::kSkipped,
                              "node failed to converge", "", 0, std::chrono::microseconds(0), ""});
  report.suites = {unit, functional};
  return report;
}

std::string render(const Report& report, ReportFormat format) {
  std::ostringstream out;
  write_report(out, report, format);
  return out.str();
}

TEST(Report, CountsOutcomesAndPassesOnlyWithoutFailuresOrErrors) {
  auto report = sample_report();
  EXPECT_EQ(report.count(Outcome::kPassed), 1u);
  EXPECT_EQ(report.count(Outcome::kFailed), 1u);
  EXPECT_EQ(report.count(Outcome::kError), 1u);
  EXPECT_EQ(report.count(Outcome::kSkipped), 1u);
  EXPECT_FALSE(report.passed());
  report.suites[0].cases.pop_back();
  report.suites[1].cases.erase(report.suites[1].cases.begin());
  EXPECT_TRUE(report.passed());  // skipped cases alone do not fail a run
}

TEST(Report, ParsesFormatsAndNamesAnUnknownOne) {
  EXPECT_EQ(parse_report_format("junit"), ReportFormat::kJunit);
  EXPECT_EQ(parse_report_format("human"), ReportFormat::kHuman);
  try {
    parse_report_format("xml");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("'xml'"));
  }
}

TEST(Report, HumanShowsEachFailureWithPlaceAndActualValueThenCounts) {
  const auto text = render(sample_report(), ReportFormat::kHuman);
  EXPECT_THAT(text, HasSubstr("unit specs: 1/2 passed"));
  EXPECT_THAT(text, HasSubstr("FAIL search finds memcached nodes (spec/unit/search.yml:12)"));
  EXPECT_THAT(text, HasSubstr("      expected: [mc1, mc2]\n        actual: [mc1]\n"));
  EXPECT_THAT(text, HasSubstr("SKIP http /status"));
  EXPECT_THAT(text, Not(HasSubstr("role[web] expands")));  // passes are counted, not listed
  EXPECT_THAT(text, HasSubstr("1 passed, 1 failed, 1 errors, 1 skipped in 1.00 s\n"));
}

TEST(Report, JsonCarriesEveryCaseAndTheSummary) {
  const auto doc = nlohmann::json::parse(render(sample_report(), ReportFormat::kJson));
  EXPECT_FALSE(doc["passed"].get<bool>());
  EXPECT_EQ(doc["summary"]["failed"], 1);
  ASSERT_EQ(doc["suites"].size(), 2u);
  const auto& failed = doc["suites"][0]["cases"][1];
  EXPECT_EQ(failed["outcome"], "failed");
  EXPECT_EQ(failed["file"], "spec/unit/search.yml");
  EXPECT_EQ(failed["line"], 12);
  EXPECT_DOUBLE_EQ(failed["duration_ms"].get<double>(), 2.5);
  EXPECT_FALSE(doc["suites"][0]["cases"][0].contains("message"));
}

TEST(Report, JunitHasCountsTagsAndEscapesMarkupAndControlBytes) {
  const auto xml = render(sample_report(), ReportFormat::kJunit);
  EXPECT_THAT(xml, HasSubstr("<testsuites name=\"proofbox\" tests=\"4\" failures=\"1\" "
                             "errors=\"1\" skipped=\"1\" time=\"1.004\">"));
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"unit specs\" tests=\"2\" failures=\"1\" "
                             "errors=\"0\" skipped=\"0\" time=\"0.004\">"));
  EXPECT_THAT(xml, HasSubstr("<failure message=\"expected: [mc1, mc2]\">expected: [mc1, "
                             "mc2]\n  actual: [mc1]</failure>"));
  EXPECT_THAT(xml, HasSubstr("name=\"port 11211 &lt;open&gt; &amp; &quot;ready&quot;\""));
  EXPECT_THAT(xml, HasSubstr("<system-out>log line? with control byte</system-out>"));
  EXPECT_THAT(xml, HasSubstr("<skipped message=\"node failed to converge\"/>"));
  EXPECT_THAT(xml, HasSubstr("file=\"spec/unit/roles.yml\" line=\"3\"/>"));
}

}  // namespace
}  // namespace proofbox::specs
