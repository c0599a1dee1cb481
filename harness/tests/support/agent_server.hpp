#pragma once
// Test support for the stand-in agent on the host: an in-process proofbox server that verifies
// signatures (as `proofbox serve --auth verify`), loaded with a chef-repo through the restore
// path, and a temporary directory standing in for the node's `/` (PROOFBOX_AGENT_ROOT) holding
// client.rb, the validation key and the first-boot JSON the way a bootstrap leaves them.
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "proofbox/backup/repo/read_chef_repo.hpp"
#include "proofbox/backup/server/server_writer.hpp"
#include "support/backup_test_support.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::harness::testing {

inline std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(PROOFBOX_SOURCE_DIR) / relative;
}

inline std::filesystem::path agent_script() {
  return source_path("fixtures/agent/proofbox-agent");
}

class AgentServer {
 public:
  explicit AgentServer(const std::filesystem::path& repo) {
    auto client = signed_.in_process_client();
    const backup::ChefData data = backup::read_chef_repo(repo);
    backup::server::RestoreResult result = backup::server::restore(client, data);
    if (!result.ok()) {
      std::string message = "cannot load " + repo.string() + ":";
      for (const auto& error : result.errors) message += " " + error;
      throw std::runtime_error(message);
    }
  }

  std::string chef_server_url() { return signed_.server().url() + "/organizations/chef"; }
  const zero::api::AdminCredentials& admin() const { return signed_.admin(); }

  // GET PATH (under the org) as the admin; the status and body.
  backup::client::ApiResponse get(const std::string& path) {
    auto client = signed_.in_process_client();
    return client.send(backup::client::ApiRequest::get(client.org_path(path)));
  }

 private:
  backup::testing::SignedServer signed_;
};

// A node's filesystem root as a bootstrap leaves it: /etc/chef/client.rb, validation.pem (0600)
// and first-boot.json.
class NodeRoot {
 public:
  NodeRoot(AgentServer& server, const std::string& node_name, const std::string& first_boot_json,
           const std::string& validation_key = "")
      : node_name_(node_name) {
    const auto chef = dir_.path() / "etc/chef";
    backup::testing::write_file(
        chef / "client.rb", "chef_server_url \"" + server.chef_server_url() + "\"\n" +
                                "node_name \"" + node_name + "\"\n" + "validation_client_name \"" +
                                server.admin().validator_name +
                                "\"\nvalidation_key \"/etc/chef/validation.pem\"\n" +
                                "file_cache_path \"/var/chef/cache\"\n");
    backup::testing::write_file(chef / "validation.pem", validation_key.empty()
                                                             ? server.admin().validator_private_key
                                                             : validation_key);
    ::chmod((chef / "validation.pem").c_str(), 0600);
    backup::testing::write_file(chef / "first-boot.json", first_boot_json);
  }

  const std::filesystem::path& path() const { return dir_.path(); }
  std::filesystem::path operator/(const std::string& relative) const {
    return dir_.path() / relative;
  }
  std::string read(const std::string& relative) const {
    return backup::testing::read_file(dir_.path() / relative);
  }
  bool exists(const std::string& relative) const {
    return std::filesystem::exists(dir_.path() / relative);
  }

  // Runs the agent with dash, as the bootstrap does: -j /etc/chef/first-boot.json plus `args`.
  ProcessResult run_agent(const std::vector<std::string>& args = {},
                          std::map<std::string, std::string> env = {}) const {
    std::vector<std::string> argv{"dash", agent_script().string(), "-j",
                                  "/etc/chef/first-boot.json"};
    argv.insert(argv.end(), args.begin(), args.end());
    env["PROOFBOX_AGENT_ROOT"] = dir_.path().string();
    env["TMPDIR"] = dir_.path().string();
    return run_process(argv, env);
  }

 private:
  backup::testing::TempDir dir_;
  std::string node_name_;
};

}  // namespace proofbox::harness::testing
