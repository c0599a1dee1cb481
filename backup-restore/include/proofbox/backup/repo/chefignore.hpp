#pragma once
// chefignore: glob patterns (one per line; blank lines and "#" comments skipped) matched
// against a cookbook file's path relative to the cookbook, as Ruby's File.fnmatch? does with
// no flags: "*" also crosses "/", but a leading "." must be matched explicitly.
//
// Like knife, a cookbook uses the first chefignore found walking up from the cookbook's own
// directory (cookbook dir, then cookbooks/, then the repo root); the walk stops at the repo
// root, so nothing outside the repo decides what is uploaded.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/backup/repo/repo_paths.hpp"

namespace proofbox::backup::repo {

class Chefignore {
 public:
  Chefignore() = default;
  explicit Chefignore(std::vector<std::string> patterns) : patterns_(std::move(patterns)) {}

  // Patterns from the text of a chefignore file.
  static Chefignore parse(std::string_view text);
  // The chefignore that applies to `cookbook_dir` (empty when none is found up to `repo_root`).
  // `cookbook_dir` is absolute and under the root.
  static Chefignore find(const std::filesystem::path& cookbook_dir, RepoRoot& root);

  bool ignored(std::string_view relative_path) const;
  const std::vector<std::string>& patterns() const { return patterns_; }
  // The chefignore file the patterns came from (empty when none).
  const std::filesystem::path& source() const { return source_; }

 private:
  std::vector<std::string> patterns_;
  std::filesystem::path source_;
};

}  // namespace proofbox::backup::repo
