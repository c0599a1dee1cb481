#pragma once
// proofbox.yml at the chef-repo root: how `proofbox converge` runs the repo's roles. Optional;
// every key has a default.
//
//   runtime: auto                 # auto | docker | lxc
//   image: proofbox/memcached:bookworm   # default image reference (or an IMAGE.yml to build)
//   bootstrap: proofbox-agent     # shipped template (proofbox-agent | chef-client) or a path
//   jobs: 4                       # roles converging at once (0: one per selected role)
//   timeout: 600                  # seconds for the whole run
//   roles:
//     memcached:
//       image: ...                # overrides the default image
//       environment: production   # default _default
//       run_list: ["role[memcached]", "recipe[extra]"]   # default ["role[ROLE]"]
//       after: [db]               # converge only once these roles converged
//       timeout: 300              # seconds for this role's bootstrap + converge
//       attributes: {memcached: {port: 11211}}           # first-boot attributes
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace proofbox::harness {

// A config file error; what() starts with "FILE:LINE: ".
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr std::string_view kConfigFileName = "proofbox.yml";

struct RoleConfig {
  std::string name;
  std::string image;  // empty: the run's default image
  std::string environment = "_default";
  std::vector<std::string> run_list;  // empty: ["role[NAME]"]
  std::vector<std::string> after;
  std::chrono::seconds timeout{0};  // 0: the run's default role timeout
  nlohmann::json attributes = nlohmann::json::object();
  int line = 0;        // the line of the role's name in the config (0: not declared)
  int after_line = 0;  // the line of its `after:` (0: none)

  std::vector<std::string> effective_run_list() const;
};

struct ConvergeConfig {
  std::filesystem::path file;  // the config file read, empty when the repo has none
  std::string runtime = "auto";
  std::string image;
  std::string bootstrap = "proofbox-agent";
  int bootstrap_line = 0;  // where `bootstrap:` is set (0: the default)
  unsigned jobs = 0;
  std::chrono::seconds timeout{900};       // the whole run
  std::chrono::seconds role_timeout{600};  // each role unless it says otherwise
  std::map<std::string, RoleConfig> roles;
};

// Parses the text of a config file; `file` names it in errors.
ConvergeConfig parse_converge_config(std::string_view text, const std::filesystem::path& file);

// Reads REPO/proofbox.yml, or the defaults when the repo has none.
ConvergeConfig load_converge_config(const std::filesystem::path& repo);

// The roles a run converges: `requested` (--role, repeatable) or, when empty, every role with a
// spec/functional/ROLE.yml or declared in the config; then every role they name in `after:`,
// transitively. Sorted by name. Throws ConfigError for a role that is neither declared nor has a
// roles/ROLE.{json,rb} in the repo, and for a cycle in `after:` (naming it).
std::vector<std::string> select_roles(const ConvergeConfig& config,
                                      const std::filesystem::path& repo,
                                      const std::vector<std::string>& requested);

// The settings of `role` (its declaration, or the defaults with the run's image and timeout).
RoleConfig role_settings(const ConvergeConfig& config, const std::string& role);

}  // namespace proofbox::harness
