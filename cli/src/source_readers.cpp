#include "proofbox/cli/source_readers.hpp"

#include "proofbox/backup/client/chef_client.hpp"
#include "proofbox/backup/repo/read_chef_repo.hpp"
#include "proofbox/backup/server/server_reader.hpp"

namespace proofbox::cli {

backup::SourceReaders local_source_readers() {
  backup::SourceReaders readers;
  readers.repo = [](const std::string& path) { return backup::repo::read_chef_repo(path); };
  return readers;
}

backup::SourceReaders source_readers(const backup::client::Credentials& credentials) {
  backup::SourceReaders readers = local_source_readers();
  readers.server = [credentials](const std::string& url) {
    backup::client::ClientConfig config;
    config.server_url = url;
    config.client_name = credentials.client_name;
    config.private_key_pem = credentials.key_pem;
    auto client = backup::client::ChefClient::over_http(config);
    return backup::server::read_server(client).data;
  };
  return readers;
}

}  // namespace proofbox::cli
