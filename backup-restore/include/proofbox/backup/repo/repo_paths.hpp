#pragma once
// Keeping the reader inside the repo: a symlink is followed only when its target resolves
// inside the repo root, so a link to /etc/passwd or to another checkout is never read.
#include <filesystem>
#include <string>
#include <vector>

namespace proofbox::backup::repo {

class RepoRoot {
 public:
  // `root` must exist and be a directory (else RepoError).
  explicit RepoRoot(const std::filesystem::path& root);

  // The absolute, symlink-free root.
  const std::filesystem::path& path() const { return root_; }

  // Whether `entry` (anywhere under the root, reached through admitted directories) may be
  // read: true for a plain file or directory, and for a symlink whose target exists inside
  // the root. A refused symlink is noted in skipped().
  bool admits(const std::filesystem::path& entry);

  // The sorted entries of `dir` that admits() accepts (files and directories).
  std::vector<std::filesystem::path> entries(const std::filesystem::path& dir);

  // "PATH: symlink leads outside the repo" for each refused symlink, in the order met.
  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  std::filesystem::path root_;
  std::vector<std::string> skipped_;
};

}  // namespace proofbox::backup::repo
