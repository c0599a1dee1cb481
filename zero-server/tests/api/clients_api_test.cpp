// /clients and /clients/C over HTTP, with and without /organizations/chef, API v0 and v1+.
// Expected shapes and messages: erchef chef_wm_clients / chef_wm_named_client / chef_client /
// oc_chef_wm_key_base / chef_wm_malformed, chef-zero actors_endpoint / actor_endpoint.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_test_support.hpp"
#include "proofbox/zero/api/actor_keys.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;
using zt::pair_matches;
namespace api = proofbox::zero::api;

class ClientsApiTest : public zt::OrgFormsApiTest {
 protected:
  proofbox::zero::store::Org& org() { return *server_.store().org("chef"); }
  std::string stored_key(const std::string& client, const std::string& key = "default") {
    auto keys = org().find(api::client_keys_kind(client));
    if (!keys) return "";
    auto doc = keys->get(key);
    return doc ? Json::parse(*doc)["public_key"].get<std::string>() : "";
  }
  std::vector<std::string> client_names() { return org().clients().names(); }
};

INSTANTIATE_TEST_SUITE_P(Forms, ClientsApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(ClientsApiTest, ListShowsTheValidatorWithRequestFormUrls) {
  auto list = api_.get(path("/clients"));
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.json(), Json({{"chef-validator", url("/clients/chef-validator")}}));
}

TEST_P(ClientsApiTest, V0CreateGeneratesAKeyPairAndAnswersBothHalves) {
  auto created = api_.post(path("/clients"), Json{{"name", "web1"}});
  ASSERT_EQ(created.status, 201) << created.body;
  Json body = created.json();
  EXPECT_EQ(body["uri"], url("/clients/web1"));
  EXPECT_EQ(created.header("location"), url("/clients/web1"));
  ASSERT_TRUE(body["private_key"].is_string());
  EXPECT_EQ(body["private_key"].get<std::string>().rfind("-----BEGIN RSA PRIVATE KEY-----", 0), 0u);
  ASSERT_TRUE(body["public_key"].is_string());
  EXPECT_EQ(body.size(), 3u) << body;
  // The stored public key is the one answered, and the private key really matches it.
  EXPECT_EQ(stored_key("web1"), body["public_key"]);
  EXPECT_TRUE(pair_matches(body["private_key"], stored_key("web1")));
  EXPECT_FALSE(pair_matches(body["private_key"], stored_key("chef-validator")));

  auto got = api_.get(path("/clients/web1"));
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.json(), Json({{"name", "web1"},
                              {"clientname", "web1"},
                              {"validator", false},
                              {"orgname", "chef"},
                              {"json_class", "Chef::ApiClient"},
                              {"chef_type", "client"},
                              {"public_key", body["public_key"]}}));
}

TEST_P(ClientsApiTest, V0CreateWithAPublicKeyStoresItAndGeneratesNothing) {
  const std::string pub = zt::test_made_pair().public_pem;
  auto created =
      api_.post(path("/clients"), Json{{"clientname", "db1"}, {"public_key", pub}}, zt::kV0);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/clients/db1")}, {"public_key", pub}}));
  EXPECT_EQ(stored_key("db1"), pub);
  EXPECT_EQ(api_.get(path("/clients/db1")).json()["public_key"], pub);
}

TEST_P(ClientsApiTest, V1CreateKeyAnswersAChefKey) {
  auto created = api_.post(
      path("/clients"), Json{{"name", "web1"}, {"create_key", true}, {"validator", true}}, zt::kV1);
  ASSERT_EQ(created.status, 201) << created.body;
  Json body = created.json();
  EXPECT_EQ(body.size(), 2u) << body;
  EXPECT_EQ(body["uri"], url("/clients/web1"));
  const Json& key = body["chef_key"];
  EXPECT_EQ(key["name"], "default");
  EXPECT_EQ(key["expiration_date"], "infinity");
  EXPECT_EQ(key["uri"], url("/clients/web1/keys/default"));
  EXPECT_EQ(key["public_key"], stored_key("web1"));
  EXPECT_TRUE(pair_matches(key["private_key"], stored_key("web1")));

  // v1+ hides the key on GET (it lives under /keys now).
  auto got = api_.get(path("/clients/web1"), zt::kV1);
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.json(), Json({{"name", "web1"},
                              {"clientname", "web1"},
                              {"validator", true},
                              {"orgname", "chef"},
                              {"json_class", "Chef::ApiClient"},
                              {"chef_type", "client"}}));
  auto keys = api_.get(path("/clients/web1/keys"), zt::kV1);
  EXPECT_EQ(keys.json(), Json::array({Json{{"uri", url("/clients/web1/keys/default")},
                                           {"name", "default"},
                                           {"expired", false}}}));
}

TEST_P(ClientsApiTest, V2CreateWithAPublicKeyAnswersItWithoutPrivateKey) {
  const std::string pub = zt::test_made_pair().public_pem;
  auto created = api_.post(path("/clients"), Json{{"name", "web1"}, {"public_key", pub}}, zt::kV2);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/clients/web1")},
                                  {"chef_key",
                                   {{"name", "default"},
                                    {"public_key", pub},
                                    {"expiration_date", "infinity"},
                                    {"uri", url("/clients/web1/keys/default")}}}}));
  EXPECT_EQ(stored_key("web1"), pub);
}

TEST_P(ClientsApiTest, V1CreateWithoutKeyFieldsMakesAKeylessClient) {
  auto created = api_.post(path("/clients"), Json{{"name", "bare"}}, zt::kV1);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/clients/bare")}}));
  EXPECT_EQ(api_.get(path("/clients/bare/keys"), zt::kV1).json(), Json::array());
  EXPECT_FALSE(api_.get(path("/clients/bare")).json().contains("public_key"));
}

TEST_P(ClientsApiTest, V1RefusesBadKeyFieldsAndStoresNothing) {
  const std::string pub = zt::test_made_pair().public_pem;
  expect_error(api_.post(path("/clients"),
                         Json{{"name", "x"}, {"create_key", true}, {"public_key", pub}}, zt::kV1),
               400, "You must specify either create_key or public_key, but not both");
  expect_error(
      api_.post(path("/clients"), Json{{"name", "x"}, {"public_key", "not a key"}}, zt::kV1), 400,
      "Public Key must be a valid key.");
  expect_error(api_.post(path("/clients"), Json{{"name", "x"}, {"private_key", true}}, zt::kV1),
               400, "Please use create_key: true instead of private_key: true");
  expect_error(api_.post(path("/clients"), Json{{"name", "x"}, {"create_key", "yes"}}, zt::kV1),
               400, "Field 'create_key' invalid");
  EXPECT_EQ(client_names(), std::vector<std::string>({"chef-validator"}));
  EXPECT_FALSE(org().find(api::client_keys_kind("x")));
}

TEST_P(ClientsApiTest, CreateRefusesBadBodies) {
  expect_error(api_.post(path("/clients"), Json{{"validator", true}}), 400, "Field 'name' missing");
  expect_error(api_.post(path("/clients"), Json{{"name", "a b"}}), 400,
               "Invalid client name 'a b' using regex: 'Malformed client name.  Must be A-Z, "
               "a-z, 0-9, _, -, or .'.");
  expect_error(api_.post(path("/clients"), Json{{"name", "a"}, {"clientname", "b"}}), 400,
               "name and clientname must match");
  expect_error(api_.post(path("/clients"), Json{{"name", "a"}, {"validator", "yes"}}), 400,
               "Field 'validator' invalid");
  expect_error(api_.request("POST", path("/clients"), "{not json"), 400, "invalid JSON");
  expect_error(api_.request("POST", path("/clients"), "[1]"), 400,
               "Incorrect JSON type for request body");
  EXPECT_EQ(client_names(), std::vector<std::string>({"chef-validator"}));
}

TEST_P(ClientsApiTest, DuplicateCreateIs409AndKeepsTheFirstKey) {
  auto first = api_.post(path("/clients"), Json{{"name", "web1"}});
  ASSERT_EQ(first.status, 201);
  const std::string key = stored_key("web1");
  expect_error(api_.post(path("/clients"), Json{{"name", "web1"}, {"validator", true}}), 409,
               "Client already exists");
  EXPECT_EQ(stored_key("web1"), key);
  EXPECT_EQ(api_.get(path("/clients/web1")).json()["validator"], false);
  // The validator the org was created with is a client like any other.
  expect_error(api_.post(path("/clients"), Json{{"name", "chef-validator"}}, zt::kV1), 409,
               "Client already exists");
}

TEST_P(ClientsApiTest, MissingClientIs404ForEveryMethod) {
  expect_error(api_.get(path("/clients/nope")), 404, "Cannot load client nope");
  expect_error(api_.put(path("/clients/nope"), Json{{"name", "nope"}}), 404,
               "Cannot load client nope");
  expect_error(api_.del(path("/clients/nope")), 404, "Cannot load client nope");
  EXPECT_EQ(client_names(), std::vector<std::string>({"chef-validator"}));
}

TEST_P(ClientsApiTest, V0PutWithPrivateKeyTrueRegeneratesTheKey) {
  auto created = api_.post(path("/clients"), Json{{"name", "web1"}});
  const std::string old_private = created.json()["private_key"];
  const std::string old_public = stored_key("web1");

  auto put = api_.put(path("/clients/web1"), Json{{"name", "web1"}, {"private_key", true}});
  ASSERT_EQ(put.status, 200) << put.body;
  Json body = put.json();
  ASSERT_TRUE(body["private_key"].is_string()) << body;
  EXPECT_NE(stored_key("web1"), old_public);
  EXPECT_EQ(body["public_key"], stored_key("web1"));
  EXPECT_TRUE(pair_matches(body["private_key"], stored_key("web1")));
  EXPECT_FALSE(pair_matches(old_private, stored_key("web1")));
  EXPECT_EQ(body["name"], "web1");
  EXPECT_EQ(body["clientname"], "web1");
  EXPECT_EQ(body["json_class"], "Chef::ApiClient");
}

TEST_P(ClientsApiTest, V0PutWithoutKeyFieldsKeepsTheKeyAndAnswersPrivateKeyFalse) {
  api_.post(path("/clients"), Json{{"name", "web1"}});
  const std::string key = stored_key("web1");
  auto put = api_.put(path("/clients/web1"), Json{{"name", "web1"}, {"validator", true}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["private_key"], false);
  EXPECT_EQ(put.json()["public_key"], key);
  EXPECT_EQ(put.json()["validator"], true);
  EXPECT_EQ(stored_key("web1"), key);
  EXPECT_EQ(api_.get(path("/clients/web1")).json()["validator"], true);
  // validator keeps its value when the body leaves it out
  api_.put(path("/clients/web1"), Json{{"name", "web1"}});
  EXPECT_EQ(api_.get(path("/clients/web1")).json()["validator"], true);
}

TEST_P(ClientsApiTest, V0PutWithAPublicKeyReplacesTheDefaultKey) {
  api_.post(path("/clients"), Json{{"name", "web1"}});
  const std::string pub = zt::test_made_pair().public_pem;
  auto put = api_.put(path("/clients/web1"), Json{{"name", "web1"}, {"public_key", pub}}, zt::kV0);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["public_key"], pub);
  EXPECT_EQ(put.json()["private_key"], false);
  EXPECT_EQ(stored_key("web1"), pub);
}

TEST_P(ClientsApiTest, V1PutRefusesKeyFieldsAndLeavesTheClientAlone) {
  api_.post(path("/clients"), Json{{"name", "web1"}});
  const std::string key = stored_key("web1");
  const std::string message =
      "Since Server API v1, all keys must be updated via the keys endpoint. ";
  expect_error(
      api_.put(path("/clients/web1"),
               Json{{"name", "web1"}, {"public_key", zt::test_made_pair().public_pem}}, zt::kV1),
      400, message);
  expect_error(
      api_.put(path("/clients/web1"), Json{{"name", "web1"}, {"create_key", true}}, zt::kV1), 400,
      message);
  EXPECT_EQ(stored_key("web1"), key);

  auto put = api_.put(path("/clients/web1"), Json{{"name", "web1"}, {"validator", true}}, zt::kV1);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_FALSE(put.json().contains("private_key"));
  EXPECT_FALSE(put.json().contains("public_key"));
  EXPECT_EQ(put.json()["validator"], true);
}

TEST_P(ClientsApiTest, PutRenamesAndMovesTheKeys) {
  api_.post(path("/clients"), Json{{"name", "old"}});
  const std::string key = stored_key("old");
  auto put = api_.put(path("/clients/old"), Json{{"name", "new"}});
  ASSERT_EQ(put.status, 201) << put.body;
  EXPECT_EQ(put.json()["name"], "new");
  EXPECT_EQ(put.header("location"), url("/clients/new"));
  expect_error(api_.get(path("/clients/old")), 404, "Cannot load client old");
  EXPECT_EQ(api_.get(path("/clients/new")).json()["public_key"], key);
  EXPECT_EQ(stored_key("new"), key);
  EXPECT_FALSE(org().find(api::client_keys_kind("old")));
}

TEST_P(ClientsApiTest, RenameOntoAnotherClientIs409AndChangesNothing) {
  api_.post(path("/clients"), Json{{"name", "a"}});
  api_.post(path("/clients"), Json{{"name", "b"}});
  const std::string key_a = stored_key("a"), key_b = stored_key("b");
  expect_error(api_.put(path("/clients/a"), Json{{"name", "b"}}), 409, "Client already exists");
  EXPECT_EQ(stored_key("a"), key_a);
  EXPECT_EQ(stored_key("b"), key_b);
  EXPECT_EQ(client_names(), std::vector<std::string>({"a", "b", "chef-validator"}));
}

TEST_P(ClientsApiTest, DeleteAnswersTheClientAndRemovesItsKeys) {
  api_.post(path("/clients"), Json{{"name", "web1"}, {"validator", true}});
  const std::string key = stored_key("web1");
  auto deleted = api_.del(path("/clients/web1"));
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(deleted.json(), Json({{"name", "web1"},
                                  {"clientname", "web1"},
                                  {"validator", true},
                                  {"orgname", "chef"},
                                  {"json_class", "Chef::ApiClient"},
                                  {"chef_type", "client"},
                                  {"public_key", key}}));
  expect_error(api_.get(path("/clients/web1")), 404, "Cannot load client web1");
  EXPECT_FALSE(org().find(api::client_keys_kind("web1")));
  EXPECT_TRUE(api::public_keys_for_actor(server_.store(), &org(), "web1").empty());

  // v1+ answers the DELETE without the key.
  api_.post(path("/clients"), Json{{"name", "web2"}});
  EXPECT_FALSE(api_.del(path("/clients/web2"), zt::kV1).json().contains("public_key"));
}

TEST_P(ClientsApiTest, UnsupportedMethodsAre405WithAllow) {
  auto r = api_.request("PATCH", path("/clients"), "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  auto named = api_.request("POST", path("/clients/chef-validator"), "{}");
  EXPECT_EQ(named.status, 405);
  EXPECT_EQ(named.header("allow"), "GET, PUT, DELETE");
}

TEST(ClientsApiOrgs, ClientsOfOneOrgAreInvisibleInAnother) {
  zt::ApiTestServer server;
  zt::ApiClient api(server.url());
  ASSERT_EQ(api.post("/organizations", Json{{"name", "acme"}, {"full_name", "Acme"}}).status, 201);
  ASSERT_EQ(api.post("/organizations/acme/clients", Json{{"name", "web1"}}).status, 201);
  EXPECT_EQ(api.get("/clients/web1").status, 404);
  EXPECT_EQ(api.get("/organizations/acme/clients/web1").json()["orgname"], "acme");
  EXPECT_EQ(api.get("/organizations/acme/clients").json(),
            Json({{"acme-validator", server.url() + "/organizations/acme/clients/acme-validator"},
                  {"web1", server.url() + "/organizations/acme/clients/web1"}}));
  auto missing = api.get("/organizations/nope/clients");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json(), Json({{"error", {"organization 'nope' does not exist."}}}));
}

}  // namespace
