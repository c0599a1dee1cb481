#include "report/report_writers.hpp"

namespace proofbox::specs {

const char* detail::outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPassed:
      return "passed";
    case Outcome::kFailed:
      return "failed";
    case Outcome::kError:
      return "error";
    case Outcome::kSkipped:
      return "skipped";
  }
  return "unknown";
}

void write_report(std::ostream& out, const Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kHuman:
      detail::write_human(out, report);
      return;
    case ReportFormat::kJson:
      detail::write_json(out, report);
      return;
    case ReportFormat::kJunit:
      detail::write_junit(out, report);
      return;
  }
}

}  // namespace proofbox::specs
