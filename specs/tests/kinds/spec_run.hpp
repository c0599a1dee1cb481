#pragma once
// Runs spec YAML text against the fixture repo (specs/tests/fixtures/repo), lint off, and
// returns its cases.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "proofbox/specs/run_specs.hpp"

namespace proofbox::specs::testing {

inline const LoadedRepo& fixture_repo() {
  static const LoadedRepo repo =
      load_repo(std::filesystem::path(PROOFBOX_SOURCE_DIR) / "specs/tests/fixtures/repo");
  return repo;
}

inline std::vector<CaseResult> run_spec(const std::string& yaml) {
  RunOptions options;
  options.lint = false;
  Report report = run_unit_specs(fixture_repo(), {parse_spec(yaml, "spec/unit/test.yml")}, options);
  return report.suites.at(0).cases;
}

// The one case of a spec with a single expectation.
inline CaseResult run_one(const std::string& yaml) {
  auto cases = run_spec(yaml);
  EXPECT_EQ(cases.size(), 1u);
  return cases.empty() ? CaseResult{} : cases.front();
}

}  // namespace proofbox::specs::testing
