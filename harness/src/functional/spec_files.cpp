// Finding and loading a role's functional spec files.
#include <algorithm>

#include "yaml_support.hpp"

namespace proofbox::harness {

std::vector<FunctionalCheck> load_functional_spec(const std::filesystem::path& file) {
  YAML::Node root = functional::load_yaml(file);
  if (root.IsMap() && root["tests"] && root["tests"].IsSequence()) return load_smolder_file(file);
  return load_role_spec(file);
}

std::vector<std::filesystem::path> find_functional_spec_files(const std::filesystem::path& repo,
                                                              const std::string& role) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  fs::path dir = repo / "spec" / "functional";
  for (const char* ext : {".yml", ".yaml"}) {
    fs::path file = dir / (role + ext);
    if (fs::is_regular_file(file)) files.push_back(file);
  }
  std::vector<fs::path> nested;
  std::error_code ec;
  if (fs::is_directory(dir / role, ec)) {
    for (const auto& entry : fs::recursive_directory_iterator(dir / role, ec)) {
      auto ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".yml" || ext == ".yaml" || ext == ".json")) {
        nested.push_back(entry.path());
      }
    }
  }
  std::sort(nested.begin(), nested.end());
  files.insert(files.end(), nested.begin(), nested.end());
  return files;
}

}  // namespace proofbox::harness
