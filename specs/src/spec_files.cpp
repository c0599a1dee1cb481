#include "proofbox/specs/spec_files.hpp"

#include <algorithm>

namespace proofbox::specs {

std::vector<std::filesystem::path> find_unit_spec_files(const std::filesystem::path& repo) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  const fs::path dir = repo / "spec" / "unit";
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".yml" || ext == ".yaml")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace proofbox::specs
