// JUnit XML in the shape Jenkins' junit step and GitHub test reporters read: <testsuites> with
// one <testsuite> per suite, <failure>/<error>/<skipped> children, times in seconds.
#include <cstdio>
#include <ostream>

#include "report/report_writers.hpp"

namespace proofbox::specs::detail {
namespace {

// XML 1.0 forbids most control characters even as references; logs can contain them.
std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
          out += '?';
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  return out;
}

std::string seconds(std::chrono::microseconds d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(d.count()) / 1e6);
  return buf;
}

}  // namespace

void write_junit(std::ostream& out, const Report& report) {
  std::chrono::microseconds total{0};
  std::size_t tests = 0;
  for (const auto& suite : report.suites) {
    tests += suite.cases.size();
    for (const auto& c : suite.cases) total += c.duration;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"proofbox\" tests=\"" << tests << "\" failures=\""
      << report.count(Outcome::kFailed) << "\" errors=\"" << report.count(Outcome::kError)
      << "\" skipped=\"" << report.count(Outcome::kSkipped) << "\" time=\"" << seconds(total)
      << "\">\n";
  for (const auto& suite : report.suites) {
    std::size_t failures = 0, errors = 0, skipped = 0;
    std::chrono::microseconds time{0};
    for (const auto& c : suite.cases) {
      failures += c.outcome == Outcome::kFailed;
      errors += c.outcome == Outcome::kError;
      skipped += c.outcome == Outcome::kSkipped;
      time += c.duration;
    }
    out << "  <testsuite name=\"" << xml_escape(suite.name) << "\" tests=\"" << suite.cases.size()
        << "\" failures=\"" << failures << "\" errors=\"" << errors << "\" skipped=\"" << skipped
        << "\" time=\"" << seconds(time) << "\">\n";
    for (const auto& c : suite.cases) {
      out << "    <testcase name=\"" << xml_escape(c.name) << "\" classname=\""
          << xml_escape(c.classname.empty() ? suite.name : c.classname) << "\" time=\""
          << seconds(c.duration) << "\"";
      if (!c.file.empty()) out << " file=\"" << xml_escape(c.file) << "\"";
      if (c.line > 0) out << " line=\"" << c.line << "\"";
      if (c.outcome == Outcome::kPassed && c.output.empty()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      const std::string first_line = c.message.substr(0, c.message.find('\n'));
      if (c.outcome == Outcome::kFailed || c.outcome == Outcome::kError) {
        const char* tag = c.outcome == Outcome::kFailed ? "failure" : "error";
        out << "      <" << tag << " message=\"" << xml_escape(first_line) << "\">"
            << xml_escape(c.message) << "</" << tag << ">\n";
      } else if (c.outcome == Outcome::kSkipped) {
        out << "      <skipped message=\"" << xml_escape(first_line) << "\"/>\n";
      }
      if (!c.output.empty())
        out << "      <system-out>" << xml_escape(c.output) << "</system-out>\n";
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace proofbox::specs::detail
