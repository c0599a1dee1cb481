#include "proofbox/specs/report.hpp"

#include <stdexcept>

namespace proofbox::specs {

std::size_t Report::count(Outcome outcome) const {
  std::size_t n = 0;
  for (const auto& suite : suites)
    for (const auto& c : suite.cases)
      if (c.outcome == outcome) ++n;
  return n;
}

bool Report::passed() const {
  return count(Outcome::kFailed) == 0 && count(Outcome::kError) == 0;
}

ReportFormat parse_report_format(const std::string& text) {
  if (text == "human") return ReportFormat::kHuman;
  if (text == "json") return ReportFormat::kJson;
  if (text == "junit") return ReportFormat::kJunit;
  throw std::invalid_argument("unknown report format '" + text + "' (use human, json or junit)");
}

}  // namespace proofbox::specs
