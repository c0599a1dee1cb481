#pragma once
// The options every command that talks to a Chef server shares (backup, restore): where the
// server is, who signs, how TLS is checked, and how hard to push.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "proofbox/backup/client/chef_client.hpp"
#include "proofbox/backup/client/credentials.hpp"

namespace proofbox::cli {

struct ServerOptions {
  std::string server;   // --server URL (else CHEF_SERVER_URL, else the profile's)
  std::string client;   // --client NAME
  std::string key;      // --key PEM file
  std::string profile;  // --profile NAME of ~/.chef/credentials
  std::string sign_version = "1.3";
  int api_version = 1;
  std::string ca_file;
  bool insecure = false;
  unsigned concurrency = 10;
  double timeout_seconds = 60;
  unsigned retries = 5;
};

void add_server_options(CLI::App& command, ServerOptions& options);

// Credentials resolved knife's way (flags > CHEF_* variables > credentials profile) and the
// client configuration from them. Throws std::runtime_error / std::invalid_argument with a
// message for the user.
backup::client::ClientConfig client_config(const ServerOptions& options,
                                           backup::client::Credentials* resolved = nullptr);

}  // namespace proofbox::cli
