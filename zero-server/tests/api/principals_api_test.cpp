// /principals/P over HTTP, with and without /organizations/chef, API v0 and v1+.
// Expected shapes: erchef chef_wm_named_principal (v0 one principal, v1+ {"principals": [...]},
// 404 {"not_found": "principal", "error": "Cannot find principal P"}), chef-zero
// principal_endpoint.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "api_test_support.hpp"
#include "proofbox/zero/api/actor_keys.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;
namespace api = proofbox::zero::api;

bool is_authz_id(const Json& v) {
  return v.is_string() && std::regex_match(v.get<std::string>(), std::regex("[0-9a-f]{32}"));
}

Json user_body(const std::string& name) {
  return Json{{"username", name},
              {"display_name", name},
              {"email", name + "@example.com"},
              {"password", "secret-password"}};
}

class PrincipalsApiTest : public zt::OrgFormsApiTest {
 protected:
  std::string key_of(const std::string& kind, const std::string& key = "default") {
    auto keys = kind.rfind("user_keys/", 0) == 0 ? server_.store().find(kind)
                                                 : server_.store().org("chef")->find(kind);
    return Json::parse(*keys->get(key))["public_key"];
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, PrincipalsApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(PrincipalsApiTest, V0AnswersTheClientWithItsDefaultKey) {
  auto got = api_.get(path("/principals/chef-validator"));
  ASSERT_EQ(got.status, 200) << got.body;
  Json body = got.json();
  EXPECT_EQ(body["name"], "chef-validator");
  EXPECT_EQ(body["type"], "client");
  EXPECT_EQ(body["public_key"], key_of(api::client_keys_kind("chef-validator")));
  EXPECT_EQ(body["org_member"], true);
  EXPECT_TRUE(is_authz_id(body["authz_id"])) << body;
  EXPECT_EQ(body.size(), 5u);
  // The authz id is stable between requests.
  EXPECT_EQ(api_.get(path("/principals/chef-validator")).json()["authz_id"], body["authz_id"]);
}

TEST_P(PrincipalsApiTest, UsersAreMembersOnlyWhenAssociated) {
  ASSERT_EQ(api_.post("/users", user_body("alice")).status, 201);
  auto outside = api_.get(path("/principals/alice"));
  ASSERT_EQ(outside.status, 200) << outside.body;
  EXPECT_EQ(outside.json()["type"], "user");
  EXPECT_EQ(outside.json()["org_member"], false);
  EXPECT_EQ(outside.json()["public_key"], key_of(api::user_keys_kind("alice")));

  server_.store()
      .collection("associations/chef")
      ->put("alice", proofbox::zero::store::make_document("{}"));
  EXPECT_EQ(api_.get(path("/principals/alice")).json()["org_member"], true);
}

TEST_P(PrincipalsApiTest, V0PrefersTheClientWhenAUserHasTheSameName) {
  ASSERT_EQ(api_.post("/users", user_body("shared")).status, 201);
  ASSERT_EQ(api_.post(path("/clients"), Json{{"name", "shared"}}).status, 201);
  auto got = api_.get(path("/principals/shared"));
  EXPECT_EQ(got.json()["type"], "client");
  EXPECT_EQ(got.json()["public_key"], key_of(api::client_keys_kind("shared")));
}

TEST_P(PrincipalsApiTest, V1ListsOnePrincipalPerKeyDefaultFirst) {
  ASSERT_EQ(api_.post("/users", user_body("shared")).status, 201);
  ASSERT_EQ(api_.post(path("/clients"), Json{{"name", "shared"}}).status, 201);
  ASSERT_EQ(api_.post(path("/clients/shared/keys"),
                      Json{{"name", "aaa"}, {"create_key", true}, {"expiration_date", "infinity"}})
                .status,
            201);
  auto got = api_.get(path("/principals/shared"), zt::kV1);
  ASSERT_EQ(got.status, 200) << got.body;
  const Json list = got.json()["principals"];
  ASSERT_EQ(list.size(), 3u) << got.body;
  EXPECT_EQ(list[0]["type"], "client");
  EXPECT_EQ(list[0]["public_key"], key_of(api::client_keys_kind("shared")));
  EXPECT_EQ(list[1]["type"], "client");
  EXPECT_EQ(list[1]["public_key"], key_of(api::client_keys_kind("shared"), "aaa"));
  EXPECT_EQ(list[2]["type"], "user");
  EXPECT_EQ(list[2]["org_member"], false);
  EXPECT_EQ(list[2]["public_key"], key_of(api::user_keys_kind("shared")));
  EXPECT_NE(list[0]["authz_id"], list[2]["authz_id"]);
  EXPECT_EQ(got.json().size(), 1u);
}

TEST_P(PrincipalsApiTest, UnknownPrincipalIs404) {
  auto missing = api_.get(path("/principals/nobody"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json(),
            Json({{"not_found", "principal"}, {"error", "Cannot find principal nobody"}}));
  EXPECT_EQ(api_.get(path("/principals/nobody"), zt::kV1).status, 404);
  // v1+ finds actors through their keys: a keyless client is no principal there.
  ASSERT_EQ(api_.post(path("/clients"), Json{{"name", "bare"}}, zt::kV1).status, 201);
  EXPECT_EQ(api_.get(path("/principals/bare"), zt::kV1).status, 404);
  auto v0 = api_.get(path("/principals/bare"));
  EXPECT_EQ(v0.status, 200);
  EXPECT_TRUE(v0.json()["public_key"].is_null());
}

TEST_P(PrincipalsApiTest, OnlyGetIsAllowed) {
  auto r = api_.request("DELETE", path("/principals/chef-validator"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET");
}

TEST(PrincipalsApiOrgs, AClientOfAnotherOrgIsNoPrincipalHere) {
  zt::ApiTestServer server;
  zt::ApiClient api(server.url());
  ASSERT_EQ(api.post("/organizations", Json{{"name", "acme"}, {"full_name", "Acme"}}).status, 201);
  EXPECT_EQ(api.get("/organizations/acme/principals/acme-validator").json()["type"], "client");
  EXPECT_EQ(api.get("/principals/acme-validator").status, 404);
  EXPECT_EQ(api.get("/organizations/chef/principals/acme-validator").status, 404);
}

}  // namespace
