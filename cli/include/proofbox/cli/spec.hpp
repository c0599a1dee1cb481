#pragma once
// `proofbox spec [REPO] [FILES...]`: the lint suite and the unit specs of a chef-repo, one
// report in the chosen format.
#include <ostream>
#include <string>
#include <vector>

namespace proofbox::cli {

struct SpecOptions {
  // [REPO] [FILES...]: the first is the repo when it is a directory with no .yml/.yaml files
  // directly in it; otherwise the repo is the current directory and all are spec files or
  // directories of them.
  std::vector<std::string> positional;
  std::string format = "human";  // human | json | junit
  std::string output;            // a file for the report; empty: `out`
  std::string filter;            // -k: only cases whose name or file contains it
  bool lint = true;
  // Also print GitHub Actions `::error file=...,line=...` lines for each failure, with paths
  // relative to $GITHUB_WORKSPACE (else the current directory).
  bool annotations = false;
};

inline constexpr int kSpecPassed = 0;
inline constexpr int kSpecFailed = 1;
inline constexpr int kSpecError = 2;

// Runs and writes the report; a one-line reason goes to `err` unless everything passed.
int run_spec(const SpecOptions& options, std::ostream& out, std::ostream& err);

}  // namespace proofbox::cli
