#include "proofbox/backup/repo/cookbook_manifest.hpp"

#include <stdexcept>
#include <vector>

namespace proofbox::backup::repo {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const auto slash = path.find('/');
    if (slash != 0) parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

}  // namespace

ManifestNaming manifest_naming(std::string_view relative_path) {
  const auto parts = split_path(relative_path);
  if (parts.size() <= 1) return {"root_files/" + std::string(relative_path), "default"};
  const std::string segment(parts.front());
  std::string name = segment + "/" + std::string(parts.back());
  if (segment == "templates" || segment == "files") {
    // Directly under templates/ or files/: "root_default", so it cannot clash with the same
    // file under default/.
    if (parts.size() == 2) return {std::move(name), "root_default"};
    return {std::move(name), std::string(parts[1])};
  }
  return {std::move(name), "default"};
}

Json manifest_record(std::string_view relative_path, std::string_view checksum) {
  auto naming = manifest_naming(relative_path);
  return Json{{"name", std::move(naming.name)},
              {"path", std::string(relative_path)},
              {"checksum", std::string(checksum)},
              {"specificity", std::move(naming.specificity)}};
}

}  // namespace proofbox::backup::repo
