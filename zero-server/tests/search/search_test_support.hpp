#pragma once
// A small fleet of nodes in a search Catalog, and a helper that answers the set of node names a
// query matches, so each test states the exact set it expects.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/search/catalog.hpp"

namespace proofbox::zero::testing {

inline Json make_node(const std::string& name, const std::string& env, Json run_list,
                      Json automatic, Json normal = Json::object(), Json dflt = Json::object(),
                      Json override_attrs = Json::object()) {
  return Json{{"name", name},
              {"chef_environment", env},
              {"json_class", "Chef::Node"},
              {"chef_type", "node"},
              {"run_list", std::move(run_list)},
              {"automatic", std::move(automatic)},
              {"normal", std::move(normal)},
              {"default", std::move(dflt)},
              {"override", std::move(override_attrs)}};
}

class FleetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    put(make_node("web1", "prod", {"role[web]", "recipe[nginx]"},
                  {{"platform", "ubuntu"},
                   {"platform_version", "22.04"},
                   {"ipaddress", "10.0.0.1"},
                   {"languages", {{"ruby", {{"version", "3.1.2"}}}}},
                   {"recipes", {"nginx", "nginx::default"}},
                   {"roles", {"web"}}},
                  {{"tags", {"frontend"}}, {"port", 80}}));
    put(make_node("web2", "staging", {"role[web]", "role[app]"},
                  {{"platform", "debian"},
                   {"platform_version", "12"},
                   {"ipaddress", "10.0.0.2"},
                   {"languages", {{"python", {{"version", "3.11"}}}}}},
                  {{"tags", {"frontend", "canary"}}}));
    put(make_node(
        "db1", "prod", {"recipe[postgresql::server]"},
        {{"platform", "ubuntu"}, {"platform_version", "20.04"}, {"ipaddress", "10.0.1.5"}},
        Json::object(), {{"postgresql", {{"port", 5432}, {"ssl", false}}}},
        {{"postgresql", {{"port", 6432}}}}));
    put(make_node(
        "app-1", "_default", {"role[app]"},
        {{"platform", "centos"}, {"platform_version", "7"}, {"memory", {{"total", "2048kB"}}}},
        {{"note", "hello world"}}));
    put(make_node("odd", "_default", Json::array(), Json::object(),
                  {{"path", "/var/log/app"}, {"weird", "a:b*c"}, {"Mixed", "CaSe"}}));
  }

  void put(const Json& node) { catalog_.put("node", node["name"].get<std::string>(), node); }

  std::set<std::string> names(const std::string& query) {
    auto result = catalog_.query("node", query);
    std::set<std::string> out(result.ids.begin(), result.ids.end());
    EXPECT_EQ(out.size(), result.total) << query;
    return out;
  }

  search::Catalog catalog_;
};

using Names = std::set<std::string>;

}  // namespace proofbox::zero::testing
