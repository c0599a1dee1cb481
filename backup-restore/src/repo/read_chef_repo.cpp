#include "proofbox/backup/repo/read_chef_repo.hpp"

#include <functional>
#include <map>

#include "proofbox/backup/repo/cookbook_loader.hpp"
#include "proofbox/backup/repo/repo_error.hpp"
#include "proofbox/backup/repo/repo_objects.hpp"
#include "proofbox/backup/repo/repo_paths.hpp"

namespace proofbox::backup::repo {
namespace {

namespace fs = std::filesystem;

bool is_dir(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

bool is_file(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool has_extension(const fs::path& path, std::initializer_list<const char*> extensions) {
  for (const char* extension : extensions) {
    if (path.extension() == extension) return true;
  }
  return false;
}

// One object per file of `dir` with one of `extensions`, keyed by file stem; the same stem in
// two files (web.json and web.rb) is ambiguous and an error.
void read_object_dir(const fs::path& dir, std::initializer_list<const char*> extensions,
                     RepoRoot& root, Objects& out,
                     const std::function<Json(const fs::path&)>& read) {
  if (!is_dir(dir) || !root.admits(dir)) return;
  std::map<std::string, fs::path> seen;
  for (const auto& entry : root.entries(dir)) {
    if (!is_file(entry) || !has_extension(entry, extensions)) continue;
    const std::string stem = entry.stem().string();
    if (auto [at, fresh] = seen.emplace(stem, entry); !fresh) {
      throw RepoError(entry, 0, "defines '" + stem + "' again (also " + at->second.string() + ")");
    }
    out[stem] = read(entry);
  }
}

void read_cookbooks(RepoRoot& root, ChefData& data) {
  std::map<std::string, fs::path> seen;  // cookbook name -> its directory
  for (const char* path_dir : {"cookbooks", "site-cookbooks"}) {
    const fs::path dir = root.path() / path_dir;
    if (!is_dir(dir) || !root.admits(dir)) continue;
    for (const auto& entry : root.entries(dir)) {
      if (!is_dir(entry)) continue;
      auto cookbook = load_cookbook(entry, root);
      if (!cookbook) continue;
      if (auto [at, fresh] = seen.emplace(cookbook->name, entry); !fresh) {
        throw RepoError(entry, 0,
                        "cookbook '" + cookbook->name + "' is also in " + at->second.string());
      }
      data.cookbooks[cookbook->name + "-" + cookbook->version] = std::move(cookbook->document);
      data.files.merge(cookbook->files);
    }
  }
}

void read_data_bags(RepoRoot& root, ChefData& data) {
  const fs::path dir = root.path() / "data_bags";
  if (!is_dir(dir) || !root.admits(dir)) return;
  for (const auto& bag_dir : root.entries(dir)) {
    if (!is_dir(bag_dir)) continue;
    Objects& items = data.data_bags[bag_dir.filename().string()];
    read_object_dir(bag_dir, {".json"}, root, items, read_data_bag_item_file);
  }
}

}  // namespace

ChefData read_chef_repo(const fs::path& repo, std::vector<std::string>* skipped) {
  RepoRoot root(repo);
  ChefData data;
  data.described = {"roles", "environments", "data_bags", "cookbooks"};

  read_cookbooks(root, data);
  read_object_dir(root.path() / "roles", {".json", ".rb"}, root, data.roles, read_role_file);
  read_object_dir(root.path() / "environments", {".json", ".rb"}, root, data.environments,
                  read_environment_file);
  read_data_bags(root, data);
  if (is_dir(root.path() / "nodes")) {
    data.described.insert("nodes");
    read_object_dir(root.path() / "nodes", {".json", ".rb"}, root, data.nodes, read_node_file);
  }
  if (is_dir(root.path() / "clients")) {
    data.described.insert("clients");
    read_object_dir(root.path() / "clients", {".json"}, root, data.clients, read_client_file);
  }
  if (skipped != nullptr) *skipped = root.skipped();
  return data;
}

}  // namespace proofbox::backup::repo
