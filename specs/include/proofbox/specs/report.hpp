#pragma once
// One report model for every kind of check proofbox runs (unit specs, functional specs,
// converges), rendered as a human summary, JSON or JUnit XML (as Jenkins and GitHub Actions
// test reporters read it). `--format human|json|junit` on every subcommand picks the renderer.
#include <chrono>
#include <iosfwd>
#include <string>
#include <vector>

namespace proofbox::specs {

enum class Outcome { kPassed, kFailed, kError, kSkipped };

struct CaseResult {
  std::string name;       // the expectation, e.g. "role[web] in production expands to ..."
  std::string classname;  // where it comes from, e.g. "spec/unit/roles.yml" or "memcached"
  Outcome outcome = Outcome::kPassed;
  std::string message;  // why it failed: the expectation and the actual value
  std::string file;     // source file of the expectation (for annotations), may be empty
  int line = 0;         // 1-based line in `file`, 0 when unknown
  std::chrono::microseconds duration{0};
  std::string output;  // captured log worth keeping (a node's converge log tail), may be empty
};

struct SuiteResult {
  std::string name;  // e.g. "unit specs", "functional: memcached"
  std::vector<CaseResult> cases;
};

struct Report {
  std::vector<SuiteResult> suites;
  std::size_t count(Outcome outcome) const;
  bool passed() const;  // no failures and no errors
};

enum class ReportFormat { kHuman, kJson, kJunit };
// "human", "json" or "junit"; throws std::invalid_argument naming the value otherwise.
ReportFormat parse_report_format(const std::string& text);

void write_report(std::ostream& out, const Report& report, ReportFormat format);

}  // namespace proofbox::specs
