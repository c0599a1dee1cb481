#pragma once
// Runs unit specs on a chef-repo: the lint suite, then every spec file, into one Report (one
// suite per spec file, one case per expectation).
#include <filesystem>
#include <string>
#include <vector>

#include "proofbox/specs/loaded_repo.hpp"
#include "proofbox/specs/report.hpp"
#include "proofbox/specs/spec_model.hpp"

namespace proofbox::specs {

struct RunOptions {
  // Spec files to run; empty: the repo's spec/unit/*.yml.
  std::vector<std::filesystem::path> files;
  // Only cases whose name or file contains this text (empty: all).
  std::string filter;
  bool lint = true;
};

// Throws backup::repo::RepoError when `repo` is not a directory; every other problem (a file
// that does not load, a spec file that does not parse) is a failed case in the report.
Report run_unit_specs(const std::filesystem::path& repo, const RunOptions& options);

// The same on a repo already loaded and spec files already parsed (benchmarks, tests).
Report run_unit_specs(const LoadedRepo& repo, const std::vector<SpecFile>& specs,
                      const RunOptions& options);

}  // namespace proofbox::specs
