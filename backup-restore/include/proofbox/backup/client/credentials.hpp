#pragma once
// Where the server URL, client name and key come from, as knife decides it, field by field:
//   1. explicit flags (--server, --client, --key, --profile)
//   2. environment: CHEF_SERVER_URL, CHEF_CLIENT (or CHEF_NODE_NAME), CHEF_CLIENT_KEY
//   3. a profile of the credentials file (CHEF_CREDENTIALS_FILE, else ~/.chef/credentials),
//      chosen by --profile, else CHEF_PROFILE, else "default"; keys client_name, client_key
//      (a path, relative to the file's folder, or an inline PEM) and chef_server_url.
// A profile named by --profile or CHEF_PROFILE must exist; the implicit "default" may not.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace proofbox::backup::client {

struct CredentialFlags {
  std::optional<std::string> server_url;
  std::optional<std::string> client_name;
  std::optional<std::string> key_path;
  std::optional<std::string> profile;
};

struct Credentials {
  std::string server_url;
  std::string client_name;
  std::string key_path;  // "" when the key came inline from the credentials file
  std::string key_pem;   // "" when no key was found (unsigned requests)
};

using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

// The process environment.
std::optional<std::string> process_env(std::string_view name);

// Throws std::runtime_error with a clear message: an unreadable key file, a missing named
// profile, a credentials file that does not parse (FILE:LINE), no server URL at all.
Credentials resolve_credentials(const CredentialFlags& flags, const EnvLookup& env = process_env);

}  // namespace proofbox::backup::client
