#pragma once
// The run's in-memory Chef server, in process: a store loaded from the chef-repo through the
// restore path, signature checks on (as a real server), an admin user for loading and saving
// and the org's validator for the nodes' bootstrap, listening on the run network's gateway.
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>

#include "proofbox/backup/chef_data.hpp"
#include "proofbox/zero/api/admin_bootstrap.hpp"
#include "proofbox/zero/api/chef_api.hpp"
#include "proofbox/zero/http/server.hpp"
#include "proofbox/zero/store/store.hpp"

namespace proofbox::harness::detail {

class EmbeddedServer {
 public:
  explicit EmbeddedServer(std::string org);
  ~EmbeddedServer();

  // Restores what was read from a chef-repo or snapshot into the store (in process).
  void load(const backup::ChefData& data, const std::string& source_name, std::ostream& log);
  // Listens on host, a free port.
  void start(const std::string& host);
  void stop();
  // Writes everything the server holds as a snapshot directory.
  void save(const std::filesystem::path& snapshot, std::ostream& log);

  // http://HOST:PORT/organizations/ORG
  std::string org_url() const;
  const std::string& org() const { return org_; }
  const zero::api::AdminCredentials& credentials() const { return credentials_; }
  zero::store::Store& store() { return store_; }

 private:
  std::string org_;
  zero::store::Store store_;
  zero::api::AdminCredentials credentials_;
  std::unique_ptr<zero::api::ChefApi> api_;
  std::unique_ptr<zero::http::Server> http_;
};

}  // namespace proofbox::harness::detail
