#include "proofbox/harness/converge_config.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "converge/role_graph.hpp"
#include "converge/yaml_json.hpp"

namespace proofbox::harness {
namespace {

namespace fs = std::filesystem;

class Parser {
 public:
  explicit Parser(fs::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
    throw ConfigError(file_.string() + ":" + std::to_string(at.Mark().line + 1) + ": " + message);
  }

  std::string scalar(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) fail(node, what + " must be a string");
    return node.Scalar();
  }

  std::chrono::seconds seconds(const YAML::Node& node, const std::string& what) const {
    long value = 0;
    try {
      value = node.as<long>();
    } catch (const YAML::Exception&) {
      fail(node, what + " must be a whole number of seconds, not '" + node.Scalar() + "'");
    }
    if (value <= 0) fail(node, what + " must be more than 0 seconds");
    return std::chrono::seconds(value);
  }

  std::vector<std::string> strings(const YAML::Node& node, const std::string& what) const {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());
      return out;
    }
    if (!node.IsSequence()) fail(node, what + " must be a list of strings");
    for (const auto& item : node) out.push_back(scalar(item, what + " entry"));
    return out;
  }

  RoleConfig role(const YAML::Node& key, const YAML::Node& node) const {
    const std::string name = key.Scalar();
    RoleConfig role;
    role.name = name;
    role.line = key.Mark().line + 1;
    if (node.IsNull()) return role;  // `memcached:` with nothing under it
    if (!node.IsMap()) fail(node, "role '" + name + "' must be a map of settings");
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      const std::string what = "roles." + name + "." + key;
      if (key == "image") {
        role.image = scalar(value, what);
      } else if (key == "environment") {
        role.environment = scalar(value, what);
      } else if (key == "run_list") {
        role.run_list = strings(value, what);
      } else if (key == "after") {
        role.after = strings(value, what);
        role.after_line = value.Mark().line + 1;
      } else if (key == "timeout") {
        role.timeout = seconds(value, what);
      } else if (key == "attributes") {
        if (!value.IsMap()) fail(value, what + " must be a map (the node's first-boot attributes)");
        role.attributes = detail::yaml_to_json(value);
      } else {
        fail(entry.first, "unknown key '" + key + "' in role '" + name +
                              "' (known: image, environment, run_list, after, timeout, "
                              "attributes)");
      }
    }
    return role;
  }

  ConvergeConfig parse(std::string_view text) {
    ConvergeConfig config;
    config.file = file_;
    YAML::Node root;
    try {
      root = YAML::Load(std::string(text));
    } catch (const YAML::ParserException& e) {
      throw ConfigError(file_.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    if (root.IsNull()) return config;
    if (!root.IsMap()) fail(root, "the config must be a map of settings");
    for (const auto& entry : root) {
      const std::string key = entry.first.Scalar();
      const YAML::Node& value = entry.second;
      if (key == "runtime") {
        config.runtime = scalar(value, key);
        if (config.runtime != "auto" && config.runtime != "docker" && config.runtime != "lxc")
          fail(value, "runtime must be auto, docker or lxc, not '" + config.runtime + "'");
      } else if (key == "image") {
        config.image = scalar(value, key);
      } else if (key == "bootstrap") {
        config.bootstrap = scalar(value, key);
        config.bootstrap_line = value.Mark().line + 1;
      } else if (key == "jobs") {
        try {
          config.jobs = value.as<unsigned>();
        } catch (const YAML::Exception&) {
          fail(value, "jobs must be a whole number (0: one per role)");
        }
      } else if (key == "timeout") {
        config.timeout = seconds(value, key);
      } else if (key == "role_timeout") {
        config.role_timeout = seconds(value, key);
      } else if (key == "roles") {
        if (value.IsNull()) continue;
        if (!value.IsMap()) fail(value, "roles must be a map of ROLE: settings");
        for (const auto& role_entry : value) {
          const std::string name = role_entry.first.Scalar();
          config.roles[name] = role(role_entry.first, role_entry.second);
        }
      } else {
        fail(entry.first, "unknown key '" + key +
                              "' (known: runtime, image, bootstrap, jobs, timeout, "
                              "role_timeout, roles)");
      }
    }
    // A cycle in `after:` is an error of the file, wherever the run starts.
    std::map<std::string, std::vector<std::string>> edges;
    for (const auto& [name, role] : config.roles) edges[name] = role.after;
    if (auto cycle = detail::find_cycle(edges)) {
      std::string text_cycle;
      for (const auto& name : *cycle) text_cycle += (text_cycle.empty() ? "" : " -> ") + name;
      throw ConfigError(file_.string() + ":" +
                        std::to_string(config.roles.at(cycle->front()).after_line) +
                        ": roles wait for each other in a cycle: " + text_cycle);
    }
    return config;
  }

 private:
  fs::path file_;
};

bool has_role_file(const fs::path& repo, const std::string& role) {
  return fs::exists(repo / "roles" / (role + ".json")) ||
         fs::exists(repo / "roles" / (role + ".rb"));
}

}  // namespace

std::vector<std::string> RoleConfig::effective_run_list() const {
  if (!run_list.empty()) return run_list;
  return {"role[" + name + "]"};
}

ConvergeConfig parse_converge_config(std::string_view text, const fs::path& file) {
  return Parser(file).parse(text);
}

ConvergeConfig load_converge_config(const fs::path& repo) {
  const fs::path file = repo / kConfigFileName;
  std::ifstream in(file);
  if (!in) {
    if (fs::exists(file)) throw ConfigError(file.string() + ":0: cannot read the file");
    return ConvergeConfig{};
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse_converge_config(text.str(), file);
}

RoleConfig role_settings(const ConvergeConfig& config, const std::string& role) {
  RoleConfig settings;
  if (auto it = config.roles.find(role); it != config.roles.end()) settings = it->second;
  settings.name = role;
  if (settings.image.empty()) settings.image = config.image;
  if (settings.timeout.count() == 0) settings.timeout = config.role_timeout;
  return settings;
}

std::vector<std::string> select_roles(const ConvergeConfig& config, const fs::path& repo,
                                      const std::vector<std::string>& requested) {
  std::set<std::string> wanted(requested.begin(), requested.end());
  if (wanted.empty()) {
    for (const auto& [name, role] : config.roles) wanted.insert(name);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(repo / "spec" / "functional", ec)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".yml" || ext == ".yaml"))
        wanted.insert(entry.path().stem().string());
    }
  }
  // Pull in what the wanted roles wait for, transitively.
  std::vector<std::string> queue(wanted.begin(), wanted.end());
  while (!queue.empty()) {
    const std::string role = queue.back();
    queue.pop_back();
    auto it = config.roles.find(role);
    if (it == config.roles.end()) {
      if (!has_role_file(repo, role))
        throw ConfigError("unknown role '" + role + "': no roles/" + role + ".json or .rb in " +
                          repo.string() + " and not declared in " + std::string(kConfigFileName));
      continue;
    }
    for (const auto& dependency : it->second.after) {
      if (!config.roles.count(dependency) && !has_role_file(repo, dependency))
        throw ConfigError(config.file.string() + ":" + std::to_string(it->second.after_line) +
                          ": role '" + role + "' waits for '" + dependency +
                          "', which is neither declared nor in the repo's roles/ folder");
      if (wanted.insert(dependency).second) queue.push_back(dependency);
    }
  }
  return {wanted.begin(), wanted.end()};
}

}  // namespace proofbox::harness
