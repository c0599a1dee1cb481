#include "converge/embedded_server.hpp"

#include "proofbox/backup/server/in_process.hpp"

namespace proofbox::harness::detail {

EmbeddedServer::EmbeddedServer(std::string org) : org_(std::move(org)) {
  credentials_ = zero::api::bootstrap_admin(store_, org_, "proofbox-admin");
  zero::api::ApiOptions options;
  options.auth = zero::api::AuthMode::kVerify;
  options.default_org = org_;
  api_ = std::make_unique<zero::api::ChefApi>(store_, options);
}

EmbeddedServer::~EmbeddedServer() {
  stop();
}

void EmbeddedServer::load(const backup::ChefData& data, const std::string& source_name,
                          std::ostream& log) {
  backup::server::InProcessIdentity identity{org_, credentials_.admin_name,
                                             credentials_.admin_private_key};
  backup::server::restore_server_state(*api_, identity, data, source_name, log, "converge");
}

void EmbeddedServer::start(const std::string& host) {
  zero::http::ServerOptions options;
  options.host = host;
  options.port = 0;
  options.threads = 2;  // a handful of agents; keep the machine for the containers
  http_ = std::make_unique<zero::http::Server>(*api_, options);
  http_->start();
}

void EmbeddedServer::stop() {
  if (http_) http_->stop();
}

void EmbeddedServer::save(const std::filesystem::path& snapshot, std::ostream& log) {
  backup::server::InProcessIdentity identity{org_, credentials_.admin_name,
                                             credentials_.admin_private_key};
  backup::server::save_server_state(*api_, identity, snapshot.string(), log, "converge");
}

std::string EmbeddedServer::org_url() const {
  return (http_ ? http_->url() : std::string("http://unstarted")) + "/organizations/" + org_;
}

}  // namespace proofbox::harness::detail
