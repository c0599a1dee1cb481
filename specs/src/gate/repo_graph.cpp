#include "proofbox/specs/gate/repo_graph.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "proofbox/backup/repo/cookbook_metadata.hpp"
#include "proofbox/backup/repo/read_chef_repo.hpp"

namespace proofbox::specs::gate {
namespace {

namespace fs = std::filesystem;
using zero::model::parse_run_list_item;
using zero::model::RunListItem;

std::vector<RunListItem> parse_items(const Json& run_list) {
  std::vector<RunListItem> items;
  if (!run_list.is_array()) return items;
  for (const auto& entry : run_list) {
    if (!entry.is_string()) continue;
    // The reader already refused invalid run lists; anything unparsable is skipped.
    if (auto item = parse_run_list_item(entry.get<std::string>())) items.push_back(*item);
  }
  return items;
}

RoleNode role_node(const Json& role) {
  RoleNode node;
  for (auto& item : parse_items(role.value("run_list", Json::array()))) {
    node.edges.push_back(RunListEdge{std::move(item), ""});
  }
  const Json env_lists = role.value("env_run_lists", Json::object());
  if (env_lists.is_object()) {
    for (const auto& [env, list] : env_lists.items()) {  // nlohmann objects iterate sorted
      node.environments.insert(env);
      for (auto& item : parse_items(list)) node.edges.push_back(RunListEdge{std::move(item), env});
    }
  }
  if (role.contains("default_attributes")) node.default_attributes = role["default_attributes"];
  if (role.contains("override_attributes")) node.override_attributes = role["override_attributes"];
  return node;
}

bool is_scanned_source(const std::string& path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".rb") || ends_with(".erb");
}

std::set<std::string> spec_environments(const fs::path& file) {
  std::set<std::string> envs;
  try {
    const YAML::Node doc = YAML::LoadFile(file.string());
    if (!doc.IsMap()) return envs;
    if (doc["environment"] && doc["environment"].IsScalar()) {
      envs.insert(doc["environment"].as<std::string>());
    }
    if (doc["environments"] && doc["environments"].IsSequence()) {
      for (const auto& env : doc["environments"]) {
        if (env.IsScalar()) envs.insert(env.as<std::string>());
      }
    }
  } catch (const YAML::Exception&) {
    // A broken spec file is the spec runner's to report; here it names no environment.
  }
  return envs;
}

std::map<std::string, HarnessRole> harness_roles(const fs::path& repo) {
  std::map<std::string, HarnessRole> roles;
  std::error_code ec;
  if (!fs::is_regular_file(repo / "proofbox.yml", ec)) return roles;
  try {
    const YAML::Node doc = YAML::LoadFile((repo / "proofbox.yml").string());
    if (!doc.IsMap() || !doc["roles"] || !doc["roles"].IsMap()) return roles;
    for (const auto& entry : doc["roles"]) {
      HarnessRole role;
      const YAML::Node settings = entry.second;
      if (settings.IsMap() && settings["environment"] && settings["environment"].IsScalar()) {
        role.environment = settings["environment"].as<std::string>();
      }
      if (settings.IsMap() && settings["run_list"] && settings["run_list"].IsSequence()) {
        for (const auto& item : settings["run_list"]) {
          if (!item.IsScalar()) continue;
          if (auto parsed = parse_run_list_item(item.as<std::string>())) {
            role.run_list.push_back(*parsed);
          }
        }
      }
      roles[entry.first.as<std::string>()] = std::move(role);
    }
  } catch (const YAML::Exception&) {
    roles.clear();
  }
  return roles;
}

std::string metadata_name(const fs::path& dir) {
  try {
    if (fs::is_regular_file(dir / "metadata.json")) {
      std::ifstream in(dir / "metadata.json");
      std::stringstream text;
      text << in.rdbuf();
      const Json doc = Json::parse(text.str());
      if (doc.contains("name") && doc["name"].is_string()) return doc["name"].get<std::string>();
    } else if (fs::is_regular_file(dir / "metadata.rb")) {
      const Json doc = backup::repo::metadata_from_ruby(dir / "metadata.rb");
      if (doc.contains("name") && doc["name"].is_string()) return doc["name"].get<std::string>();
    }
  } catch (const std::exception&) {
    // Fall back to the directory name, as knife does for a cookbook without a name.
  }
  return dir.filename().string();
}

}  // namespace

std::map<std::string, std::string> read_cookbook_dirs(const fs::path& repo) {
  std::map<std::string, std::string> dirs;
  for (const char* root : {"cookbooks", "site-cookbooks"}) {
    std::error_code ec;
    if (!fs::is_directory(repo / root, ec)) continue;
    for (const auto& entry : fs::directory_iterator(repo / root, ec)) {
      if (!entry.is_directory(ec)) continue;
      const std::string dir = std::string(root) + "/" + entry.path().filename().string();
      dirs[dir] = metadata_name(entry.path());
    }
  }
  return dirs;
}

std::string RepoGraph::harness_environment(const std::string& role) const {
  auto it = harness_roles.find(role);
  return it == harness_roles.end() ? "_default" : it->second.environment;
}

RepoGraph load_repo_graph(const fs::path& repo) {
  RepoGraph graph;
  graph.data = backup::read_chef_repo(repo);
  graph.cookbook_dirs = read_cookbook_dirs(repo);
  std::map<std::string, std::string> dir_of;
  for (const auto& [dir, name] : graph.cookbook_dirs) dir_of.emplace(name, dir);

  for (const auto& [name, role] : graph.data.roles) graph.roles[name] = role_node(role);

  for (const auto& [key, document] : graph.data.cookbooks) {
    const std::string name = document.value("cookbook_name", key);
    CookbookNode& cookbook = graph.cookbooks[name];
    auto dir = dir_of.find(name);
    cookbook.dir = dir != dir_of.end() ? dir->second : "cookbooks/" + name;
    const Json metadata = document.value("metadata", Json::object());
    const Json deps = metadata.value("dependencies", Json::object());
    if (deps.is_object()) {
      for (const auto& [dep, constraint] : deps.items()) cookbook.depends.insert(dep);
    }
    for (const auto& record : document.value("all_files", Json::array())) {
      const std::string path = record.value("path", "");
      if (!is_scanned_source(path)) continue;
      auto bytes = graph.data.files.find(record.value("checksum", ""));
      if (bytes == graph.data.files.end()) continue;
      cookbook.sources.push_back(SourceFile{cookbook.dir + "/" + path, bytes->second});
    }
    std::sort(cookbook.sources.begin(), cookbook.sources.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  }

  for (const auto& [name, node] : graph.data.nodes) {
    NodeEntry entry;
    entry.environment = node.value("chef_environment", "_default");
    entry.run_list = parse_items(node.value("run_list", Json::array()));
    graph.nodes[name] = std::move(entry);
  }

  graph.harness_roles = harness_roles(repo);
  std::error_code ec;
  const fs::path functional = repo / "spec" / "functional";
  if (fs::is_directory(functional, ec)) {
    for (const auto& entry : fs::directory_iterator(functional, ec)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file(ec) || (ext != ".yml" && ext != ".yaml")) continue;
      auto envs = spec_environments(entry.path());
      if (!envs.empty()) graph.functional_spec_environments[entry.path().stem().string()] = envs;
    }
  }
  return graph;
}

}  // namespace proofbox::specs::gate
