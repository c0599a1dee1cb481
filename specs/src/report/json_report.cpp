#include <nlohmann/json.hpp>
#include <ostream>

#include "report/report_writers.hpp"

namespace proofbox::specs::detail {

void write_json(std::ostream& out, const Report& report) {
  nlohmann::json suites = nlohmann::json::array();
  for (const auto& suite : report.suites) {
    nlohmann::json cases = nlohmann::json::array();
    for (const auto& c : suite.cases) {
      nlohmann::json j = {{"name", c.name},
                          {"classname", c.classname},
                          {"outcome", outcome_name(c.outcome)},
                          {"duration_ms", static_cast<double>(c.duration.count()) / 1e3}};
      if (!c.message.empty()) j["message"] = c.message;
      if (!c.file.empty()) j["file"] = c.file;
      if (c.line > 0) j["line"] = c.line;
      if (!c.output.empty()) j["output"] = c.output;
      cases.push_back(std::move(j));
    }
    suites.push_back({{"name", suite.name}, {"cases", std::move(cases)}});
  }
  nlohmann::json doc = {{"passed", report.passed()},
                        {"summary",
                         {{"passed", report.count(Outcome::kPassed)},
                          {"failed", report.count(Outcome::kFailed)},
                          {"errors", report.count(Outcome::kError)},
                          {"skipped", report.count(Outcome::kSkipped)}}},
                        {"suites", std::move(suites)}};
  // Replace invalid UTF-8 (a node's log may hold anything) instead of throwing.
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace proofbox::specs::detail
