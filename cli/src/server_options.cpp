#include "proofbox/cli/server_options.hpp"

#include <stdexcept>

namespace proofbox::cli {

void add_server_options(CLI::App& command, ServerOptions& o) {
  command.add_option("--server", o.server,
                     "Chef server URL with the organization: https://HOST/organizations/ORG "
                     "(default: CHEF_SERVER_URL, then the credentials profile)");
  command.add_option("--client", o.client,
                     "Client or user that signs requests (default: CHEF_CLIENT, CHEF_NODE_NAME, "
                     "then the profile's client_name)");
  command.add_option("--key", o.key,
                     "Private key (PEM) of --client (default: CHEF_CLIENT_KEY, then the "
                     "profile's client_key); without any key requests go unsigned");
  command.add_option("--profile", o.profile,
                     "Profile of ~/.chef/credentials (or CHEF_CREDENTIALS_FILE); default: "
                     "CHEF_PROFILE, then 'default'");
  command.add_option("--sign-version", o.sign_version, "X-Ops-Sign protocol version")
      ->check(CLI::IsMember({"1.0", "1.1", "1.3"}))
      ->capture_default_str();
  command.add_option("--api-version", o.api_version, "X-Ops-Server-API-Version to ask for")
      ->check(CLI::Range(0, 2))
      ->capture_default_str();
  command.add_option("--ca-file", o.ca_file, "PEM bundle to verify the server's certificate");
  command.add_flag("--insecure", o.insecure, "Do not verify the server's TLS certificate");
  command.add_option("--concurrency", o.concurrency, "Requests in flight at once")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  command.add_option("--timeout", o.timeout_seconds, "Seconds one request may take")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command
      .add_option("--retries", o.retries,
                  "Tries after a 5xx, 429, timeout or dropped connection (jittered "
                  "exponential backoff)")
      ->capture_default_str();
}

backup::client::ClientConfig client_config(const ServerOptions& o,
                                           backup::client::Credentials* resolved) {
  backup::client::CredentialFlags flags;
  auto set = [](std::optional<std::string>& field, const std::string& value) {
    if (!value.empty()) field = value;
  };
  set(flags.server_url, o.server);
  set(flags.client_name, o.client);
  set(flags.key_path, o.key);
  set(flags.profile, o.profile);
  backup::client::Credentials creds = backup::client::resolve_credentials(flags);
  if (!creds.key_pem.empty() && creds.client_name.empty()) {
    throw std::runtime_error("a key was given but no client name (--client or CHEF_CLIENT)");
  }
  backup::client::ClientConfig c;
  c.server_url = creds.server_url;
  c.client_name = creds.client_name;
  c.private_key_pem = creds.key_pem;
  c.sign_version = *zero::auth::parse_version(o.sign_version);
  c.api_version = o.api_version;
  c.concurrency = o.concurrency;
  c.timeout = std::chrono::milliseconds(static_cast<long long>(o.timeout_seconds * 1000));
  c.retry.retries = o.retries;
  c.ca_file = o.ca_file;
  c.insecure = o.insecure;
  if (resolved != nullptr) *resolved = std::move(creds);
  return c;
}

}  // namespace proofbox::cli
