#include "proofbox/specs/loaded_repo.hpp"

#include <functional>

#include "proofbox/backup/repo/cookbook_loader.hpp"
#include "proofbox/backup/repo/repo_error.hpp"
#include "proofbox/backup/repo/repo_objects.hpp"
#include "proofbox/backup/repo/repo_paths.hpp"

namespace proofbox::specs {
namespace {

namespace fs = std::filesystem;
namespace repo = proofbox::backup::repo;

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}
bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

class Reader {
 public:
  Reader(LoadedRepo& out, repo::RepoRoot& root) : out_(out), root_(root) {}

  // Runs `read`, recording a failure as a problem of `file`. False when it failed.
  bool attempt(const fs::path& file, const std::function<void()>& read) {
    try {
      read();
      return true;
    } catch (const repo::RepoError& e) {
      out_.problems.push_back({e.file().empty() ? file : e.file(), e.line(), e.message()});
    } catch (const std::exception& e) {
      out_.problems.push_back({file, 0, e.what()});
    }
    return false;
  }

  void objects(const char* kind, std::initializer_list<const char*> extensions,
               backup::Objects& into, const std::function<Json(const fs::path&)>& read) {
    const fs::path dir = root_.path() / kind;
    if (!is_dir(dir) || !root_.admits(dir)) return;
    for (const auto& entry : root_.entries(dir)) {
      if (!is_file(entry)) continue;
      bool wanted = false;
      for (const char* ext : extensions) wanted = wanted || entry.extension() == ext;
      if (!wanted) continue;
      out_.files.push_back(entry);
      const std::string stem = entry.stem().string();
      if (auto seen = out_.sources[kind].find(stem); seen != out_.sources[kind].end()) {
        out_.problems.push_back(
            {entry, 0, "defines '" + stem + "' again (also " + out_.relative(seen->second) + ")"});
        continue;
      }
      attempt(entry, [&] {
        into[stem] = read(entry);
        out_.sources[kind][stem] = entry;
      });
    }
  }

  void cookbooks() {
    for (const char* path_dir : {"cookbooks", "site-cookbooks"}) {
      const fs::path dir = root_.path() / path_dir;
      if (!is_dir(dir) || !root_.admits(dir)) continue;
      for (const auto& entry : root_.entries(dir)) {
        if (!is_dir(entry)) continue;
        out_.files.push_back(entry);
        attempt(entry, [&] {
          auto cookbook = repo::load_cookbook(entry, root_);
          if (!cookbook) return;
          auto& seen = out_.sources["cookbooks"];
          if (auto at = seen.find(cookbook->name); at != seen.end()) {
            throw repo::RepoError(
                entry, 0,
                "cookbook '" + cookbook->name + "' is also in " + out_.relative(at->second));
          }
          seen[cookbook->name] = entry;
          out_.data.cookbooks[cookbook->name + "-" + cookbook->version] =
              std::move(cookbook->document);
        });
      }
    }
  }

  void data_bags() {
    const fs::path dir = root_.path() / "data_bags";
    if (!is_dir(dir) || !root_.admits(dir)) return;
    for (const auto& bag_dir : root_.entries(dir)) {
      if (!is_dir(bag_dir)) continue;
      auto& items = out_.data.data_bags[bag_dir.filename().string()];
      for (const auto& entry : root_.entries(bag_dir)) {
        if (!is_file(entry) || entry.extension() != ".json") continue;
        out_.files.push_back(entry);
        attempt(entry, [&] {
          Json item = repo::read_data_bag_item_file(entry);
          items[entry.stem().string()] = std::move(item);
        });
      }
    }
  }

 private:
  LoadedRepo& out_;
  repo::RepoRoot& root_;
};

const Json* find(const backup::Objects& objects, const std::string& name) {
  auto it = objects.find(name);
  return it == objects.end() ? nullptr : &it->second;
}

}  // namespace

const Json* LoadedRepo::role(const std::string& name) const {
  return find(data.roles, name);
}
const Json* LoadedRepo::environment(const std::string& name) const {
  return find(data.environments, name);
}
const Json* LoadedRepo::node(const std::string& name) const {
  return find(data.nodes, name);
}

std::string LoadedRepo::relative(const std::filesystem::path& file) const {
  if (file.empty()) return {};
  auto rel = file.lexically_relative(root);
  if (rel.empty() || rel.native().starts_with("..")) return file.string();
  return rel.string();
}

std::string LoadedRepo::source_of(const std::string& kind, const std::string& name) const {
  auto k = sources.find(kind);
  if (k == sources.end()) return {};
  auto it = k->second.find(name);
  return it == k->second.end() ? std::string() : relative(it->second);
}

LoadedRepo load_repo(const std::filesystem::path& root_dir) {
  repo::RepoRoot root(root_dir);
  LoadedRepo out;
  out.root = root.path();
  Reader reader(out, root);
  reader.cookbooks();
  reader.objects("roles", {".json", ".rb"}, out.data.roles, repo::read_role_file);
  reader.objects("environments", {".json", ".rb"}, out.data.environments,
                 repo::read_environment_file);
  reader.objects("nodes", {".json", ".rb"}, out.data.nodes, repo::read_node_file);
  reader.data_bags();
  return out;
}

}  // namespace proofbox::specs
