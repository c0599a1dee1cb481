// /search and /search/INDEX over HTTP, with and without /organizations/chef: full rows, paging,
// the index following writes, data bag rows, partial search and Chef's error answers
// (erchef chef_wm_search / chef_wm_search_core; chef-zero search endpoint).
#include <curl/curl.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api_test_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

std::string encode(const std::string& s) {
  char* e = curl_easy_escape(nullptr, s.data(), static_cast<int>(s.size()));
  std::string out(e);
  curl_free(e);
  return out;
}

Json node(const std::string& name, const std::string& platform, Json run_list) {
  return Json{
      {"name", name},
      {"chef_environment", "_default"},
      {"json_class", "Chef::Node"},
      {"chef_type", "node"},
      {"run_list", std::move(run_list)},
      {"normal", {{"tags", {"t-" + name}}}},
      {"default", Json::object()},
      {"override", Json::object()},
      {"automatic", {{"platform", platform}, {"languages", {{"ruby", {{"version", "3.1"}}}}}}}};
}

class SearchApiTest : public zt::OrgFormsApiTest {
 protected:
  void add_node(const Json& n) { ASSERT_EQ(api_.post(path("/nodes"), n).status, 201); }

  zt::ApiResponse search(const std::string& index, const std::string& q,
                         const std::string& extra = "") {
    return api_.get(path("/search/" + index + "?q=" + encode(q) + extra));
  }

  std::set<std::string> row_names(const zt::ApiResponse& r) {
    EXPECT_EQ(r.status, 200) << r.body;
    std::set<std::string> out;
    const Json body = r.json();
    for (const Json& row : body["rows"]) out.insert(row["name"].get<std::string>());
    return out;
  }

  void fleet() {
    add_node(node("web1", "ubuntu", {"role[web]", "recipe[nginx]"}));
    add_node(node("web2", "debian", {"role[web]"}));
    add_node(node("app1", "ubuntu", {"role[app]"}));
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, SearchApiTest, zt::org_forms(), zt::org_form_name);

using Names = std::set<std::string>;

TEST_P(SearchApiTest, ListsTheIndexesWithDataBags) {
  ASSERT_EQ(api_.post(path("/data"), Json{{"name", "users"}}).status, 201);
  auto r = api_.get(path("/search"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json(), Json({{"node", url("/search/node")},
                            {"role", url("/search/role")},
                            {"client", url("/search/client")},
                            {"environment", url("/search/environment")},
                            {"users", url("/search/users")}}));
}

TEST_P(SearchApiTest, NodeRowsAreTheStoredNodes) {
  fleet();
  auto r = search("node", "role:web AND platform:ubuntu");
  ASSERT_EQ(r.status, 200) << r.body;
  Json body = r.json();
  EXPECT_EQ(body["total"], 1);
  EXPECT_EQ(body["start"], 0);
  ASSERT_EQ(body["rows"].size(), 1u);
  EXPECT_EQ(body["rows"][0], api_.get(path("/nodes/web1")).json());
}

TEST_P(SearchApiTest, QueryLanguageOverHttp) {
  fleet();
  EXPECT_EQ(row_names(search("node", "role:web")), (Names{"web1", "web2"}));
  EXPECT_EQ(row_names(search("node", "platform:ubuntu -role:app")), Names{"web1"});
  EXPECT_EQ(row_names(search("node", "languages_ruby:*")), (Names{"web1", "web2", "app1"}));
  EXPECT_EQ(row_names(search("node", "name:web* && !platform:debian")), Names{"web1"});
  EXPECT_EQ(row_names(search("node", "name:[app1 TO web1}")), Names{"app1"});
  EXPECT_EQ(row_names(search("node", "recipe:nginx OR tags:t-app1")), (Names{"web1", "app1"}));
}

TEST_P(SearchApiTest, MissingQueryMeansEverything) {
  fleet();
  auto r = api_.get(path("/search/node"));
  EXPECT_EQ(row_names(r), (Names{"web1", "web2", "app1"}));
  EXPECT_EQ(r.json()["total"], 3);
}

TEST_P(SearchApiTest, PagingWithStartAndRows) {
  fleet();
  auto r = search("node", "*:*", "&start=1&rows=1");
  ASSERT_EQ(r.status, 200) << r.body;
  Json body = r.json();
  EXPECT_EQ(body["total"], 3);
  EXPECT_EQ(body["start"], 1);
  ASSERT_EQ(body["rows"].size(), 1u);
  EXPECT_EQ(body["rows"][0]["name"], "web1");  // app1, web1, web2 by name
  auto sorted = search("node", "*:*", "&sort=" + encode("name desc") + "&rows=2");
  ASSERT_EQ(sorted.json()["rows"].size(), 2u);
  EXPECT_EQ(sorted.json()["rows"][0]["name"], "web2");
  EXPECT_EQ(sorted.json()["rows"][1]["name"], "web1");
}

TEST_P(SearchApiTest, IndexFollowsUpdatesAndDeletes) {
  fleet();
  EXPECT_EQ(row_names(search("node", "platform:debian")), Names{"web2"});
  ASSERT_EQ(api_.put(path("/nodes/web2"), node("web2", "centos", {"role[web]"})).status, 200);
  EXPECT_EQ(row_names(search("node", "platform:debian")), Names{});
  EXPECT_EQ(row_names(search("node", "platform:centos")), Names{"web2"});
  ASSERT_EQ(api_.del(path("/nodes/web1")).status, 200);
  EXPECT_EQ(row_names(search("node", "role:web")), Names{"web2"});
  add_node(node("web3", "debian", {"role[web]"}));
  EXPECT_EQ(row_names(search("node", "role:web")), (Names{"web2", "web3"}));
}

TEST_P(SearchApiTest, DataBagRowsAreWrappedItems) {
  ASSERT_EQ(api_.post(path("/data"), Json{{"name", "users"}}).status, 201);
  Json alice{{"id", "alice"}, {"shell", "/bin/zsh"}};
  ASSERT_EQ(api_.post(path("/data/users"), alice).status, 201);
  ASSERT_EQ(api_.post(path("/data/users"), Json{{"id", "bob"}, {"shell", "/bin/bash"}}).status,
            201);
  auto r = search("users", "shell:*zsh");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json(), Json({{"rows", Json::array({Json{{"name", "data_bag_item_users_alice"},
                                                       {"json_class", "Chef::DataBagItem"},
                                                       {"chef_type", "data_bag_item"},
                                                       {"data_bag", "users"},
                                                       {"raw_data", alice}}})},
                            {"start", 0},
                            {"total", 1}}));
}

TEST_P(SearchApiTest, EmptyDataBagSearchesToNothing) {
  ASSERT_EQ(api_.post(path("/data"), Json{{"name", "empty"}}).status, 201);
  auto r = search("empty", "*:*");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json(), Json({{"rows", Json::array()}, {"start", 0}, {"total", 0}}));
}

TEST_P(SearchApiTest, UnknownIndexAndDeletedBagAre404) {
  zt::expect_error(search("nosuch", "*:*"), 404,
                   "I don't know how to search for nosuch data objects.");
  ASSERT_EQ(api_.post(path("/data"), Json{{"name", "gone"}}).status, 201);
  ASSERT_EQ(api_.post(path("/data/gone"), Json{{"id", "x"}}).status, 201);
  EXPECT_EQ(search("gone", "*:*").json()["total"], 1);
  ASSERT_EQ(api_.del(path("/data/gone")).status, 200);
  zt::expect_error(search("gone", "*:*"), 404, "I don't know how to search for gone data objects.");
}

TEST_P(SearchApiTest, MalformedQueryIs400WithChefMessage) {
  zt::expect_error(search("node", "platform:"), 400, "invalid search query: 'platform:'");
  zt::expect_error(search("node", "(a OR b"), 400, "invalid search query: '(a OR b'");
  zt::expect_error(search("nosuch", "a AND"), 400, "invalid search query: 'a AND'");
}

TEST_P(SearchApiTest, BadPagingParametersAre400) {
  zt::expect_error(search("node", "*:*", "&rows=ten"), 400, "invalid 'rows' value: 'ten'");
  zt::expect_error(search("node", "*:*", "&start=-1"), 400, "invalid 'start' value: '-1'");
}

TEST_P(SearchApiTest, RolesEnvironmentsAndClientsAreSearchable) {
  ASSERT_EQ(api_.post(path("/roles"), Json{{"name", "web"},
                                           {"description", "front end"},
                                           {"run_list", {"recipe[nginx]"}},
                                           {"default_attributes", {{"nginx", {{"port", 80}}}}}})
                .status,
            201);
  ASSERT_EQ(
      api_.post(path("/environments"), Json{{"name", "prod"}, {"description", "live"}}).status,
      201);
  EXPECT_EQ(row_names(search("role", "default_attributes_nginx_port:80")), Names{"web"});
  EXPECT_EQ(row_names(search("role", "run_list:recipe\\[nginx\\]")), Names{"web"});
  EXPECT_EQ(row_names(search("environment", "description:live")), Names{"prod"});
  EXPECT_EQ(row_names(search("environment", "name:_default")), Names{"_default"});
  EXPECT_EQ(row_names(search("client", "name:chef-validator")), Names{"chef-validator"});
  auto client = search("client", "validator:true").json()["rows"][0];
  EXPECT_EQ(client["json_class"], "Chef::ApiClient");
}

TEST_P(SearchApiTest, PartialSearchReturnsUrlAndData) {
  fleet();
  Json keys{{"n", {"name"}},
            {"ruby", {"languages", "ruby", "version"}},
            {"tags", {"tags"}},
            {"none", {"no", "such"}},
            {"empty", Json::array()}};
  auto r = api_.post(path("/search/node?q=" + encode("name:web1")), keys);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json(), Json({{"rows", Json::array({Json{{"url", url("/nodes/web1")},
                                                       {"data",
                                                        {{"n", "web1"},
                                                         {"ruby", "3.1"},
                                                         {"tags", {"t-web1"}},
                                                         {"none", nullptr},
                                                         {"empty", nullptr}}}}})},
                            {"start", 0},
                            {"total", 1}}));
}

TEST_P(SearchApiTest, PartialSearchOfDataBagReadsTheRawItem) {
  ASSERT_EQ(api_.post(path("/data"), Json{{"name", "users"}}).status, 201);
  ASSERT_EQ(api_.post(path("/data/users"), Json{{"id", "alice"}, {"shell", "/bin/zsh"}}).status,
            201);
  auto r = api_.post(path("/search/users"), Json{{"sh", {"shell"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["rows"],
            Json::array({Json{{"url", url("/data/users/alice")}, {"data", {{"sh", "/bin/zsh"}}}}}));
}

TEST_P(SearchApiTest, PartialSearchRejectsABadBody) {
  fleet();
  for (const Json& body : {Json::array(), Json{{"a", "name"}}, Json{{"a", {1}}}}) {
    zt::expect_error(api_.post(path("/search/node"), body), 400,
                     "invalid partial search request body");
  }
}

TEST_P(SearchApiTest, SearchesAreScopedToTheirOrganization) {
  fleet();
  auto other = api_.post("/organizations", Json{{"name", "other"}, {"full_name", "Other"}});
  ASSERT_EQ(other.status, 201) << other.body;
  ASSERT_EQ(api_.post("/organizations/other/nodes", node("lonely", "ubuntu", {"role[web]"})).status,
            201);
  EXPECT_EQ(row_names(search("node", "role:web")), (Names{"web1", "web2"}));
  auto r = api_.get("/organizations/other/search/node?q=" + encode("role:web"));
  EXPECT_EQ(row_names(r), Names{"lonely"});
}

}  // namespace
