#include "proofbox/backup/repo/chefignore.hpp"

#include <fnmatch.h>

#include "proofbox/backup/repo/json_file.hpp"
#include "proofbox/backup/repo/repo_paths.hpp"

namespace proofbox::backup::repo {
namespace {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n\f\v");
  return text.substr(first, last - first + 1);
}

}  // namespace

Chefignore Chefignore::parse(std::string_view text) {
  std::vector<std::string> patterns;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    patterns.emplace_back(line);
  }
  return Chefignore(std::move(patterns));
}

Chefignore Chefignore::find(const std::filesystem::path& cookbook_dir, RepoRoot& root) {
  for (auto dir = cookbook_dir.lexically_normal();; dir = dir.parent_path()) {
    const auto candidate = dir / "chefignore";
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec) && root.admits(candidate)) {
      Chefignore found = parse(read_file_bytes(candidate));
      found.source_ = candidate;
      return found;
    }
    if (dir == root.path() || dir == dir.parent_path() || !dir.has_relative_path()) break;
  }
  return {};
}

bool Chefignore::ignored(std::string_view relative_path) const {
  const std::string path(relative_path);
  for (const auto& pattern : patterns_) {
    if (::fnmatch(pattern.c_str(), path.c_str(), FNM_PERIOD) == 0) return true;
  }
  return false;
}

}  // namespace proofbox::backup::repo
