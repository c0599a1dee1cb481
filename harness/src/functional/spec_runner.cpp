// Running a role's functional checks on a node into one suite of the report model.
#include "proofbox/harness/functional_specs.hpp"

namespace proofbox::harness {
namespace {

using Clock = std::chrono::steady_clock;

specs::CaseResult run_check(const ConvergedNode& node, const FunctionalCheck& check,
                            const std::string& classname) {
  specs::CaseResult result;
  result.name = check.name;
  result.classname = classname;
  result.file = check.file;
  result.line = check.line;
  if (!check.skipped.empty()) {
    result.outcome = specs::Outcome::kSkipped;
    result.message = check.skipped;
    return result;
  }
  if (!check.error.empty() || !check.matcher) {
    result.outcome = specs::Outcome::kError;
    result.message = check.error.empty() ? "nothing to check" : check.error;
    return result;
  }
  auto start = Clock::now();
  std::string explanation;
  bool ok = false;
  try {
    ok = check.matcher->Evaluate(node, &explanation);
  } catch (const std::exception& e) {
    result.outcome = specs::Outcome::kError;
    result.message = std::string("the check could not run: ") + e.what();
    result.duration = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
    return result;
  }
  result.duration = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
  result.outcome = ok ? specs::Outcome::kPassed : specs::Outcome::kFailed;
  if (!ok) {
    result.message = "expected: " + node_label(node) + " " + check.matcher->Describe() +
                     "\n  actual: " + explanation;
  }
  return result;
}

}  // namespace

specs::SuiteResult run_functional_specs(const ConvergedNode& node,
                                        const std::vector<std::filesystem::path>& spec_files) {
  specs::SuiteResult suite;
  std::string classname = node.role.empty() ? node_label(node) : node.role;
  suite.name = "functional: " + classname;
  for (const auto& file : spec_files) {
    std::vector<FunctionalCheck> checks;
    try {
      checks = load_functional_spec(file);
    } catch (const FunctionalSpecError& e) {
      specs::CaseResult failure;
      failure.name = "load " + file.filename().string();
      failure.classname = classname;
      failure.outcome = specs::Outcome::kError;
      failure.message = e.what();
      failure.file = file.string();
      // "FILE:LINE: ..." -> LINE, so annotations point at it.
      std::string text = e.what();
      auto after = text.find(':', file.string().size());
      if (text.rfind(file.string(), 0) == 0 && after != std::string::npos) {
        failure.line = std::atoi(text.c_str() + after + 1);
      }
      suite.cases.push_back(std::move(failure));
      continue;
    }
    for (const auto& check : checks) suite.cases.push_back(run_check(node, check, classname));
  }
  return suite;
}

specs::SuiteResult verify_role(const ConvergedNode& node, const std::filesystem::path& repo) {
  return run_functional_specs(node, find_functional_spec_files(repo, node.role));
}

}  // namespace proofbox::harness
