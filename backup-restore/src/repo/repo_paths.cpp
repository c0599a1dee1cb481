#include "proofbox/backup/repo/repo_paths.hpp"

#include <algorithm>

#include "proofbox/backup/repo/repo_error.hpp"

namespace proofbox::backup::repo {

RepoRoot::RepoRoot(const std::filesystem::path& root) {
  std::error_code ec;
  root_ = std::filesystem::canonical(root, ec);
  if (ec || !std::filesystem::is_directory(root_, ec)) {
    throw RepoError(root, 0, "not a chef-repo directory");
  }
}

bool RepoRoot::admits(const std::filesystem::path& entry) {
  std::error_code ec;
  if (!std::filesystem::is_symlink(std::filesystem::symlink_status(entry, ec))) return !ec;
  const auto target = std::filesystem::canonical(entry, ec);
  if (!ec) {
    const auto relative = target.lexically_relative(root_);
    if (!relative.empty() && *relative.begin() != ".." && relative.is_relative()) return true;
  }
  skipped_.push_back(entry.string() + ": symlink leads outside the repo (or nowhere); skipped");
  return false;
}

std::vector<std::filesystem::path> RepoRoot::entries(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (admits(it->path())) out.push_back(it->path());
  }
  if (ec) throw RepoError(dir, 0, "cannot be listed: " + ec.message());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace proofbox::backup::repo
