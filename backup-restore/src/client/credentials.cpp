#include "proofbox/backup/client/credentials.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "proofbox/backup/client/toml_subset.hpp"

namespace proofbox::backup::client {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> non_empty(std::optional<std::string> v) {
  if (v && v->empty()) return std::nullopt;
  return v;
}

std::string expand_home(const std::string& path, const EnvLookup& env) {
  if (path.rfind("~/", 0) == 0 || path == "~") {
    auto home = env("HOME");
    if (!home) throw std::runtime_error("cannot expand '" + path + "': HOME is not set");
    return *home + path.substr(1);
  }
  return path;
}

std::string read_file(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + what + " '" + path + "'");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<std::string> string_field(const TomlTable& table, const std::string& key,
                                        const std::string& file, const std::string& profile) {
  auto it = table.find(key);
  if (it == table.end()) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  throw std::runtime_error(file + ": profile '" + profile + "': " + key + " must be a string");
}

}  // namespace

std::optional<std::string> process_env(std::string_view name) {
  const char* v = std::getenv(std::string(name).c_str());
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

Credentials resolve_credentials(const CredentialFlags& flags, const EnvLookup& env) {
  std::optional<std::string> url = non_empty(flags.server_url);
  std::optional<std::string> client = non_empty(flags.client_name);
  std::optional<std::string> key = non_empty(flags.key_path);

  if (!url) url = non_empty(env("CHEF_SERVER_URL"));
  if (!client) client = non_empty(env("CHEF_CLIENT"));
  if (!client) client = non_empty(env("CHEF_NODE_NAME"));
  if (!key) key = non_empty(env("CHEF_CLIENT_KEY"));

  std::optional<std::string> inline_pem;
  std::optional<std::string> profile = non_empty(flags.profile);
  if (!profile) profile = non_empty(env("CHEF_PROFILE"));
  const bool profile_required = profile.has_value();
  if (!url || !client || !key || profile_required) {
    std::string file;
    if (auto f = non_empty(env("CHEF_CREDENTIALS_FILE"))) {
      file = expand_home(*f, env);
    } else if (auto home = non_empty(env("HOME"))) {
      file = *home + "/.chef/credentials";
    }
    const std::string name = profile.value_or("default");
    std::error_code ec;
    if (!file.empty() && fs::exists(file, ec)) {
      TomlDocument doc = parse_toml_subset(read_file(file, "credentials file"), file);
      auto table = doc.tables.find(name);
      if (table == doc.tables.end()) {
        if (profile_required) {
          throw std::runtime_error("profile '" + name + "' not found in " + file);
        }
      } else {
        const TomlTable& t = table->second;
        if (!url) url = string_field(t, "chef_server_url", file, name);
        if (!client) client = string_field(t, "client_name", file, name);
        if (!key) {
          if (auto k = string_field(t, "client_key", file, name)) {
            if (k->rfind("-----BEGIN", 0) == 0) {
              inline_pem = *k;
            } else {
              fs::path p = expand_home(*k, env);
              if (p.is_relative()) p = fs::path(file).parent_path() / p;
              key = p.string();
            }
          }
        }
      }
    } else if (profile_required) {
      throw std::runtime_error("profile '" + name + "' requested but no credentials file (" +
                               (file.empty() ? std::string("HOME is not set") : file) + ")");
    }
  }

  if (!url) {
    throw std::runtime_error(
        "no Chef server URL: give --server, set CHEF_SERVER_URL or add chef_server_url to a "
        "credentials profile");
  }
  Credentials out;
  out.server_url = *url;
  out.client_name = client.value_or("");
  if (inline_pem) {
    out.key_pem = *inline_pem;
  } else if (key) {
    out.key_path = expand_home(*key, env);
    out.key_pem = read_file(out.key_path, "client key");
  }
  return out;
}

}  // namespace proofbox::backup::client
