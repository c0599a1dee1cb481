// The terminal summary: every failure in full (where, the expectation, the actual value), then
// one count line, so the last lines of a CI log say whether and why it failed.
#include <iomanip>
#include <ostream>

#include "report/report_writers.hpp"

namespace proofbox::specs::detail {
namespace {

double seconds(std::chrono::microseconds d) {
  return static_cast<double>(d.count()) / 1e6;
}

void write_indented(std::ostream& out, const std::string& text, const char* indent) {
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out << indent << std::string_view(text).substr(start, end - start) << "\n";
    start = end + 1;
  }
}

}  // namespace

void write_human(std::ostream& out, const Report& report) {
  std::chrono::microseconds total{0};
  for (const auto& suite : report.suites) {
    std::size_t bad = 0;
    for (const auto& c : suite.cases) {
      total += c.duration;
      if (c.outcome == Outcome::kFailed || c.outcome == Outcome::kError) ++bad;
    }
    out << suite.name << ": " << suite.cases.size() - bad << "/" << suite.cases.size()
        << " passed\n";
    for (const auto& c : suite.cases) {
      if (c.outcome == Outcome::kPassed) continue;
      out << "  " << (c.outcome == Outcome::kSkipped ? "SKIP " : "FAIL ") << c.name;
      if (!c.file.empty())
        out << " (" << c.file << (c.line > 0 ? ":" + std::to_string(c.line) : "") << ")";
      out << "\n";
      if (!c.message.empty()) write_indented(out, c.message, "      ");
      if (!c.output.empty() && c.outcome != Outcome::kSkipped) {
        out << "      output:\n";
        write_indented(out, c.output, "        ");
      }
    }
  }
  out << report.count(Outcome::kPassed) << " passed, " << report.count(Outcome::kFailed)
      << " failed, " << report.count(Outcome::kError) << " errors, "
      << report.count(Outcome::kSkipped) << " skipped in " << std::fixed << std::setprecision(2)
      << seconds(total) << " s\n";
}

}  // namespace proofbox::specs::detail
