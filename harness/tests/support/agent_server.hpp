#pragma once
// Test support for the stand-in agent on the host: an in-process proofbox server that verifies
// signatures (as `proofbox serve --auth verify`), loaded with a chef-repo through the restore
// path and recording the requests it gets, and a temporary directory standing in for the node's `/`
// (PROOFBOX_AGENT_ROOT) holding client.rb, the validation key and the first-boot JSON the way a
// bootstrap leaves them.
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
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

// One request as the server received it: "METHOD /path" (the org prefix and query dropped) and
// the headers every Chef client request must carry.
struct SeenRequest {
  std::string line;
  std::string api_version;   // X-Ops-Server-API-Version
  std::string chef_version;  // X-Chef-Version
  std::string accept;
};

// Forwards to the Chef API and records what was asked, in order.
class RecordingHandler : public zero::http::Handler {
 public:
  explicit RecordingHandler(zero::http::Handler& inner) : inner_(inner) {}
  zero::http::Response handle(zero::http::Request& request) override {
    std::string path = request.path;
    const std::string org = "/organizations/chef";
    if (path.rfind(org, 0) == 0) path = path.substr(org.size());
    auto header = [&](std::string_view name) {
      auto value = request.header(name);
      return value ? std::string(*value) : std::string();
    };
    {
      std::lock_guard lock(mutex_);
      seen_.push_back({request.method + " " + path, header("x-ops-server-api-version"),
                       header("x-chef-version"), header("accept")});
    }
    return inner_.handle(request);
  }
  std::vector<SeenRequest> take() {
    std::lock_guard lock(mutex_);
    return std::exchange(seen_, {});
  }

 private:
  zero::http::Handler& inner_;
  std::mutex mutex_;
  std::vector<SeenRequest> seen_;
};

// The server of `proofbox serve --auth verify` in process on a free loopback port, its admin
// and validator credentials, loaded with a chef-repo; every request is recorded.
class AgentServer {
 public:
  explicit AgentServer(const std::filesystem::path& repo)
      : api_((zero::testing::use_fixture_key_pool(), store_), backup::testing::verifying_api()),
        admin_(zero::api::bootstrap_admin(store_, "chef", "pivotal")),
        recorder_(api_),
        server_(recorder_, http_options()) {
    server_.start();
    auto client = in_process_client();
    const backup::ChefData data = backup::read_chef_repo(repo);
    backup::server::RestoreResult result = backup::server::restore(client, data);
    if (!result.ok()) {
      std::string message = "cannot load " + repo.string() + ":";
      for (const auto& error : result.errors) message += " " + error;
      throw std::runtime_error(message);
    }
  }

  std::string chef_server_url() const { return server_.url() + "/organizations/chef"; }
  const zero::api::AdminCredentials& admin() const { return admin_; }

  // GET PATH (under the org) as the admin, in process; the status and body.
  backup::client::ApiResponse get(const std::string& path) {
    auto client = in_process_client();
    return client.send(backup::client::ApiRequest::get(client.org_path(path)));
  }

  // The requests that came over HTTP since the last call.
  std::vector<SeenRequest> take_requests() { return recorder_.take(); }

 private:
  static zero::http::ServerOptions http_options() {
    zero::http::ServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    o.threads = 2;
    return o;
  }
  backup::client::ChefClient in_process_client() {
    backup::client::ClientConfig c;
    c.server_url = server_.url() + "/organizations/chef";
    c.client_name = admin_.admin_name;
    c.private_key_pem = admin_.admin_private_key;
    return backup::client::ChefClient::in_process(api_, c);
  }

  zero::store::Store store_;
  zero::api::ChefApi api_;
  zero::api::AdminCredentials admin_;
  RecordingHandler recorder_;
  zero::http::Server server_;
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
