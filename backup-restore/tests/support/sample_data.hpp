#pragma once
// A small organization's worth of objects of every kind the server without cookbook endpoints
// serves, for backup and restore tests, and helpers to compare what two servers hold.
#include <string>

#include "proofbox/backup/chef_data.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "support/api_test_server.hpp"

namespace proofbox::backup::testing {

inline std::string fixture_public_key(int n) {
  std::ifstream in(std::string(PROOFBOX_SOURCE_DIR) + "/fixtures/keys/pool-" + std::to_string(n) +
                   ".pem");
  std::stringstream text;
  text << in.rdbuf();
  return zero::auth::public_key_from_private(text.str());
}

inline ChefData sample_data() {
  ChefData d;
  d.nodes["web01"] = Json{{"name", "web01"},
                          {"chef_environment", "production"},
                          {"run_list", {"role[web]"}},
                          {"normal", {{"tags", {"frontend"}}}}};
  d.nodes["db01"] = Json{{"name", "db01"}, {"run_list", {"recipe[postgresql]"}}};
  d.nodes["web02.example.com"] = Json{{"name", "web02.example.com"}};
  d.roles["web"] = Json{{"name", "web"},
                        {"description", "front end"},
                        {"run_list", {"recipe[nginx]"}},
                        {"default_attributes", {{"nginx", {{"port", 80}}}}}};
  d.roles["base"] = Json{{"name", "base"}, {"run_list", Json::array()}};
  d.environments["production"] =
      Json{{"name", "production"}, {"cookbook_versions", {{"nginx", "= 1.2.3"}}}};
  d.clients["app-client"] =
      Json{{"name", "app-client"}, {"validator", false}, {"public_key", fixture_public_key(1)}};
  d.clients["other-validator"] =
      Json{{"name", "other-validator"}, {"validator", true}, {"public_key", fixture_public_key(2)}};
  d.users["alice"] = Json{{"username", "alice"},
                          {"email", "alice@example.com"},
                          {"display_name", "Alice"},
                          {"public_key", fixture_public_key(3)}};
  d.data_bags["users"]["alice"] = Json{{"id", "alice"}, {"shell", "/bin/zsh"}};
  // An encrypted item travels verbatim.
  d.data_bags["secrets"]["db"] = Json{
      {"id", "db"},
      {"password",
       {{"encrypted_data", "abcd"}, {"iv", "efgh"}, {"version", 3}, {"cipher", "aes-256-gcm"}}}};
  d.data_bags["empty"];
  d.described = {"nodes", "roles", "environments", "clients", "users", "data_bags"};
  return d;
}

}  // namespace proofbox::backup::testing
