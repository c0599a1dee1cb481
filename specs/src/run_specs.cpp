#include "proofbox/specs/run_specs.hpp"

#include <chrono>

#include "eval/eval.hpp"
#include "proofbox/specs/lint.hpp"
#include "proofbox/specs/spec_files.hpp"

namespace proofbox::specs {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool selected(const RunOptions& options, const std::string& file, const std::string& name) {
  return options.filter.empty() || name.find(options.filter) != std::string::npos ||
         file.find(options.filter) != std::string::npos;
}

detail::Verdict evaluate(const detail::FileWorld& world, const Expectation& e) {
  struct Visit {
    const detail::FileWorld& world;
    detail::Verdict operator()(const ExpansionSpec& s) { return detail::check_expansion(world, s); }
    detail::Verdict operator()(const SolveSpec& s) { return detail::check_solve(world, s); }
    detail::Verdict operator()(const SearchSpec& s) { return detail::check_search(world, s); }
    detail::Verdict operator()(const DataBagItemSpec& s) {
      return detail::check_data_bag_item(world, s);
    }
  };
  return std::visit(Visit{world}, e.spec);
}

SuiteResult run_file(const detail::RepoContext& ctx, const SpecFile& spec,
                     const RunOptions& options) {
  SuiteResult suite;
  suite.name = spec.description.empty() ? spec.file : spec.file + " (" + spec.description + ")";
  const detail::FileWorld world(ctx, spec);
  for (const auto& [line, problem] : world.stub_problems()) {
    CaseResult c;
    c.name = "stub nodes resolve";
    c.classname = spec.file;
    c.file = spec.file;
    c.line = line;
    c.outcome = Outcome::kError;
    c.message = problem;
    suite.cases.push_back(std::move(c));
  }
  for (const auto& e : spec.expectations) {
    CaseResult c;
    c.name = detail::default_name(e);
    if (!selected(options, spec.file, c.name)) continue;
    c.classname = spec.file;
    c.file = spec.file;
    c.line = e.line;
    const auto start = Clock::now();
    try {
      detail::Verdict v = evaluate(world, e);
      c.outcome = v.passed ? Outcome::kPassed : Outcome::kFailed;
      c.message = std::move(v.message);
    } catch (const std::exception& ex) {
      c.outcome = Outcome::kError;
      c.message = ex.what();
    }
    c.duration = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
    suite.cases.push_back(std::move(c));
  }
  return suite;
}

}  // namespace

Report run_unit_specs(const LoadedRepo& repo, const std::vector<SpecFile>& specs,
                      const RunOptions& options) {
  Report report;
  if (options.lint) {
    SuiteResult lint{"lint", {}};
    const auto start = Clock::now();
    for (auto& c : lint_repo(repo)) {
      if (selected(options, c.file, c.name)) lint.cases.push_back(std::move(c));
    }
    if (!lint.cases.empty()) {
      lint.cases.front().duration =
          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
    }
    if (options.filter.empty() || !lint.cases.empty()) report.suites.push_back(std::move(lint));
  }
  const detail::RepoContext ctx(repo);
  for (const auto& spec : specs) {
    SuiteResult suite = run_file(ctx, spec, options);
    // With -k, files with nothing selected are left out rather than shown as empty suites.
    if (options.filter.empty() || !suite.cases.empty()) report.suites.push_back(std::move(suite));
  }
  return report;
}

Report run_unit_specs(const fs::path& repo_dir, const RunOptions& options) {
  const auto start = Clock::now();
  LoadedRepo repo = load_repo(repo_dir);
  std::vector<fs::path> files = options.files;
  if (files.empty()) files = find_unit_spec_files(repo.root);
  std::vector<SpecFile> specs;
  std::vector<CaseResult> broken;
  for (const auto& file : files) {
    const std::string display = repo.relative(fs::absolute(file).lexically_normal());
    try {
      specs.push_back(parse_spec_file(file, display));
    } catch (const SpecError& e) {
      CaseResult c;
      c.name = display + " parses";
      c.classname = display;
      c.file = e.file();
      c.line = e.line();
      c.outcome = Outcome::kError;
      c.message = e.what();
      broken.push_back(std::move(c));
    }
  }
  const auto setup = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
  Report report = run_unit_specs(repo, specs, options);
  if (!broken.empty()) report.suites.push_back({"spec files that do not parse", std::move(broken)});
  // Reading the repo and the spec files is charged to the first lint case, so the report's
  // total time is end to end.
  if (!report.suites.empty() && !report.suites.front().cases.empty()) {
    report.suites.front().cases.front().duration += setup;
  }
  return report;
}

}  // namespace proofbox::specs
