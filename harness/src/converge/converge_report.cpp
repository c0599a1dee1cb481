#include "proofbox/harness/converge_report.hpp"

namespace proofbox::harness {

void append_converge_report(specs::Report& report, const RunResult& run) {
  specs::SuiteResult converge;
  converge.name = "converge";
  if (!run.error.empty()) {
    specs::CaseResult failure;
    failure.name = "run " + run.run_id;
    failure.classname = "converge";
    failure.outcome = specs::Outcome::kError;
    failure.message = run.error;
    converge.cases.push_back(failure);
  }
  for (const auto& node : run.nodes) {
    specs::CaseResult result;
    result.name = "role[" + node.role + "] converges on " + node.node_name;
    result.classname = "converge." + node.role;
    result.duration = std::chrono::duration_cast<std::chrono::microseconds>(node.create_time +
                                                                            node.bootstrap_time);
    if (node.state == node_state::kSkipped) {
      result.outcome = specs::Outcome::kSkipped;
      result.message = node.message;
    } else if (node.ok() || (node.state == node_state::kFailed && node.phase == "verify")) {
      result.outcome = specs::Outcome::kPassed;  // it converged; verification has its own suite
    } else {
      result.outcome = specs::Outcome::kFailed;
      result.message = node.message;
      result.output = node.log_tail;
      if (run.cancelled && node.message.find("cancelled") == std::string::npos)
        result.message += " (the run was cancelled: " + run.cancel_reason + ")";
    }
    converge.cases.push_back(std::move(result));
  }
  report.suites.push_back(std::move(converge));
  for (const auto& node : run.nodes) {
    if (node.verification.cases.empty() && node.phase != "verify") continue;
    specs::SuiteResult suite = node.verification;
    if (suite.name.empty()) suite.name = "functional: " + node.role;
    if (suite.cases.empty()) {
      specs::CaseResult error;
      error.name = "functional specs of " + node.role;
      error.classname = "functional." + node.role;
      error.outcome = specs::Outcome::kError;
      error.message = node.message;
      suite.cases.push_back(error);
    }
    report.suites.push_back(std::move(suite));
  }
}

specs::Report converge_report(const RunResult& run) {
  specs::Report report;
  append_converge_report(report, run);
  return report;
}

}  // namespace proofbox::harness
