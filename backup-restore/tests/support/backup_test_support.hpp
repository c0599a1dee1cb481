#pragma once
// Shared by the backup-restore tests: a real proofbox server (store + ChefApi + HTTP on a free
// loopback port) that verifies signatures, with an admin whose key the clients sign with.
#include <memory>
#include <string>

#include "proofbox/backup/client/chef_client.hpp"
#include "proofbox/zero/api/admin_bootstrap.hpp"
#include "support/api_test_server.hpp"

namespace proofbox::backup::testing {

inline zero::api::ApiOptions verifying_api() {
  zero::api::ApiOptions o;
  o.auth = zero::api::AuthMode::kVerify;
  return o;
}

// A signature-verifying server and the admin's credentials.
class SignedServer {
 public:
  explicit SignedServer(zero::http::ServerOptions http = {})
      : server_(verifying_api(), http),
        admin_(zero::api::bootstrap_admin(server_.store(), "chef", "pivotal")) {}

  client::ClientConfig config(unsigned concurrency = 4) const {
    client::ClientConfig c;
    c.server_url = server_.url() + "/organizations/chef";
    c.client_name = admin_.admin_name;
    c.private_key_pem = admin_.admin_private_key;
    c.concurrency = concurrency;
    c.timeout = std::chrono::milliseconds(10000);
    c.retry.base = std::chrono::milliseconds(5);
    c.retry.cap = std::chrono::milliseconds(50);
    return c;
  }
  client::ChefClient http_client(unsigned concurrency = 4) const {
    return client::ChefClient::over_http(config(concurrency));
  }
  client::ChefClient in_process_client() {
    return client::ChefClient::in_process(server_.api(), config());
  }

  zero::testing::ApiTestServer& server() { return server_; }
  zero::store::Store& store() { return server_.store(); }
  const zero::api::AdminCredentials& admin() const { return admin_; }

 private:
  zero::testing::ApiTestServer server_;
  zero::api::AdminCredentials admin_;
};

}  // namespace proofbox::backup::testing
