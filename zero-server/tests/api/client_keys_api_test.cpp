// /clients/C/keys and /clients/C/keys/K over HTTP, with and without /organizations/chef.
// Expected shapes and messages: erchef oc_chef_wm_keys / oc_chef_wm_named_key / chef_key /
// chef_key_base / chef_wm_malformed / chef_wm_util, chef-zero actor_keys_endpoint.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_test_support.hpp"
#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/auth/rsa.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;
using zt::pair_matches;
namespace auth = proofbox::zero::auth;
namespace api = proofbox::zero::api;

const std::string kBadDate =
    "Field expiration_date is invalid. All dates must be a valid date in ISO8601 form of exactly "
    "YYYY-MM-DDThh:mm:ss, eg 2099-02-28T01:00:00, or the string \"infinity\". All times are "
    "assumed UTC, so do not include a Z on the end of your date.";

class ClientKeysApiTest : public zt::OrgFormsApiTest {
 protected:
  void SetUp() override {
    // A keyless client (API v1 without create_key) to add keys to.
    ASSERT_EQ(api_.post(path("/clients"), Json{{"name", "web1"}}, zt::kV1).status, 201);
  }
  proofbox::zero::store::Org& org() { return *server_.store().org("chef"); }
  std::vector<std::string> key_names(const std::string& client = "web1") {
    auto keys = org().find(api::client_keys_kind(client));
    return keys ? keys->names() : std::vector<std::string>();
  }
  Json stored(const std::string& key, const std::string& client = "web1") {
    auto doc = org().find(api::client_keys_kind(client))->get(key);
    return doc ? Json::parse(*doc) : Json();
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, ClientKeysApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(ClientKeysApiTest, TheValidatorHasADefaultKey) {
  auto list = api_.get(path("/clients/chef-validator/keys"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json(), Json::array({Json{{"uri", url("/clients/chef-validator/keys/default")},
                                           {"name", "default"},
                                           {"expired", false}}}));
  auto key = api_.get(path("/clients/chef-validator/keys/default"));
  EXPECT_EQ(key.status, 200);
  EXPECT_EQ(key.json()["name"], "default");
  EXPECT_EQ(key.json()["expiration_date"], "infinity");
  EXPECT_TRUE(auth::is_valid_public_key(key.json()["public_key"].get<std::string>()));
}

TEST_P(ClientKeysApiTest, CreateKeyGeneratesAMatchingPair) {
  auto created =
      api_.post(path("/clients/web1/keys"),
                Json{{"name", "k1"}, {"create_key", true}, {"expiration_date", "infinity"}});
  ASSERT_EQ(created.status, 201) << created.body;
  Json body = created.json();
  EXPECT_EQ(body.size(), 2u) << body;
  EXPECT_EQ(body["uri"], url("/clients/web1/keys/k1"));
  EXPECT_EQ(created.header("location"), url("/clients/web1/keys/k1"));
  auto got = api_.get(path("/clients/web1/keys/k1"));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json()["name"], "k1");
  EXPECT_EQ(got.json()["expiration_date"], "infinity");
  EXPECT_TRUE(pair_matches(body["private_key"], got.json()["public_key"]));
  // The new key signs for the client.
  auto keys = api::public_keys_for_actor(server_.store(), &org(), "web1");
  EXPECT_EQ(keys, std::vector<std::string>({got.json()["public_key"].get<std::string>()}));
}

TEST_P(ClientKeysApiTest, CreateWithAPublicKeyStoresItAndAnswersOnlyTheUri) {
  const std::string pub = zt::test_made_pair().public_pem;
  auto created = api_.post(
      path("/clients/web1/keys"),
      Json{{"name", "laptop"}, {"public_key", pub}, {"expiration_date", "2099-02-28T01:00:00Z"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/clients/web1/keys/laptop")}}));
  EXPECT_EQ(
      api_.get(path("/clients/web1/keys/laptop")).json(),
      Json({{"name", "laptop"}, {"public_key", pub}, {"expiration_date", "2099-02-28T01:00:00Z"}}));
}

TEST_P(ClientKeysApiTest, ADefaultKeyMadeThroughKeysIsTheV0PublicKey) {
  auto created = api_.post(path("/clients/web1/keys"),
                           Json{{"name", "default"}, {"expiration_date", "infinity"}});
  ASSERT_EQ(created.status, 201) << created.body;
  // No public_key and no create_key: the server generates (as newer servers and chef-zero do).
  ASSERT_TRUE(created.json()["private_key"].is_string());
  auto client = api_.get(path("/clients/web1"));
  EXPECT_TRUE(pair_matches(created.json()["private_key"], client.json()["public_key"]));
}

TEST_P(ClientKeysApiTest, ListMarksExpiredKeysAndTheyStopSigning) {
  const std::string pub = zt::test_made_pair().public_pem;
  ASSERT_EQ(api_.post(path("/clients/web1/keys"), Json{{"name", "old"},
                                                       {"public_key", pub},
                                                       {"expiration_date", "2001-01-01T00:00:00"}})
                .status,
            201);
  ASSERT_EQ(api_.post(path("/clients/web1/keys"),
                      Json{{"name", "new"}, {"public_key", pub}, {"expiration_date", "infinity"}})
                .status,
            201);
  auto list = api_.get(path("/clients/web1/keys"));
  EXPECT_EQ(
      list.json(),
      Json::array(
          {Json{{"uri", url("/clients/web1/keys/new")}, {"name", "new"}, {"expired", false}},
           Json{{"uri", url("/clients/web1/keys/old")}, {"name", "old"}, {"expired", true}}}));
  // Stored with the Z the server puts on dates it answers.
  EXPECT_EQ(stored("old")["expiration_date"], "2001-01-01T00:00:00Z");
  EXPECT_EQ(api::public_keys_for_actor(server_.store(), &org(), "web1").size(), 1u);
}

TEST_P(ClientKeysApiTest, CreateRefusesBadBodiesAndStoresNothing) {
  const std::string pub = zt::test_made_pair().public_pem;
  const std::string keys = path("/clients/web1/keys");
  expect_error(api_.post(keys, Json{{"create_key", true}, {"expiration_date", "infinity"}}), 400,
               "Field 'name' missing");
  expect_error(
      api_.post(keys, Json{{"name", "a b"}, {"create_key", true}, {"expiration_date", "infinity"}}),
      400, "Field 'name' invalid");
  expect_error(api_.post(keys, Json{{"name", "k"},
                                    {"create_key", true},
                                    {"public_key", pub},
                                    {"expiration_date", "infinity"}}),
               400, "You must specify either create_key or public_key, but not both");
  expect_error(api_.post(keys, Json{{"name", "k"},
                                    {"public_key", "-----BEGIN PUBLIC KEY-----"},
                                    {"expiration_date", "infinity"}}),
               400, "Public Key must be a valid key.");
  expect_error(
      api_.post(keys, Json{{"name", "k"}, {"private_key", true}, {"expiration_date", "infinity"}}),
      400, "Please use create_key: true instead of private_key: true");
  expect_error(
      api_.post(keys, Json{{"name", "k"}, {"create_key", false}, {"expiration_date", "infinity"}}),
      400, "You must either provide a valid value for 'public_key', or specify 'create_key': true");
  expect_error(api_.post(keys, Json{{"name", "k"}, {"public_key", pub}}), 400,
               "Field 'expiration_date' missing");
  expect_error(
      api_.post(keys, Json{{"name", "k"}, {"public_key", pub}, {"expiration_date", "tomorrow"}}),
      400, kBadDate);
  expect_error(api_.post(keys, Json{{"name", "k"},
                                    {"public_key", pub},
                                    {"expiration_date", "2020-02-30T00:00:00Z"}}),
               400, kBadDate);
  expect_error(api_.request("POST", keys, "nope"), 400, "invalid JSON");
  expect_error(api_.request("POST", keys, "\"k\""), 400, "Incorrect JSON type for request body");
  EXPECT_TRUE(key_names().empty());
}

TEST_P(ClientKeysApiTest, DuplicateKeyNameIs409) {
  const std::string pub = zt::test_made_pair().public_pem;
  Json body{{"name", "k"}, {"public_key", pub}, {"expiration_date", "infinity"}};
  ASSERT_EQ(api_.post(path("/clients/web1/keys"), body).status, 201);
  body["expiration_date"] = "2099-01-01T00:00:00Z";
  expect_string_error(api_.post(path("/clients/web1/keys"), body), 409,
                      "a key with the name 'k' already exists for this actor.");
  EXPECT_EQ(stored("k")["expiration_date"], "infinity");
}

TEST_P(ClientKeysApiTest, UnknownClientOrKeyIs404) {
  expect_error(api_.get(path("/clients/nope/keys")), 404, "Cannot load client nope");
  expect_error(
      api_.post(path("/clients/nope/keys"),
                Json{{"name", "k"}, {"create_key", true}, {"expiration_date", "infinity"}}),
      404, "Cannot load client nope");
  expect_error(api_.get(path("/clients/nope/keys/default")), 404, "Cannot load client nope");
  EXPECT_FALSE(org().find(api::client_keys_kind("nope")));
  expect_string_error(api_.get(path("/clients/web1/keys/k9")), 404,
                      "There is no key named k9 associated with web1.");
  expect_string_error(api_.put(path("/clients/web1/keys/k9"), Json{{"name", "k8"}}), 404,
                      "There is no key named k9 associated with web1.");
  expect_string_error(api_.del(path("/clients/web1/keys/k9")), 404,
                      "There is no key named k9 associated with web1.");
}

TEST_P(ClientKeysApiTest, PutUpdatesRenamesAndRegenerates) {
  const std::string pub = zt::test_made_pair().public_pem;
  ASSERT_EQ(api_.post(path("/clients/web1/keys"),
                      Json{{"name", "k"}, {"public_key", pub}, {"expiration_date", "infinity"}})
                .status,
            201);

  auto dated =
      api_.put(path("/clients/web1/keys/k"), Json{{"expiration_date", "2099-01-01T00:00:00"}});
  ASSERT_EQ(dated.status, 200) << dated.body;
  EXPECT_EQ(
      dated.json(),
      Json({{"name", "k"}, {"public_key", pub}, {"expiration_date", "2099-01-01T00:00:00Z"}}));

  auto renamed = api_.put(path("/clients/web1/keys/k"), Json{{"name", "k2"}});
  ASSERT_EQ(renamed.status, 201) << renamed.body;
  EXPECT_EQ(renamed.header("location"), url("/clients/web1/keys/k2"));
  EXPECT_EQ(key_names(), std::vector<std::string>({"k2"}));

  auto regenerated = api_.put(path("/clients/web1/keys/k2"), Json{{"create_key", true}});
  ASSERT_EQ(regenerated.status, 200) << regenerated.body;
  const Json body = regenerated.json();
  EXPECT_NE(body["public_key"], pub);
  EXPECT_EQ(body["public_key"], stored("k2")["public_key"]);
  EXPECT_TRUE(pair_matches(body["private_key"], stored("k2")["public_key"]));
  EXPECT_FALSE(stored("k2").contains("private_key"));
}

TEST_P(ClientKeysApiTest, PutRefusesBadBodiesAndChangesNothing) {
  const std::string pub = zt::test_made_pair().public_pem;
  for (const char* name : {"a", "b"}) {
    ASSERT_EQ(api_.post(path("/clients/web1/keys"),
                        Json{{"name", name}, {"public_key", pub}, {"expiration_date", "infinity"}})
                  .status,
              201);
  }
  expect_string_error(
      api_.put(path("/clients/web1/keys/a"), Json::object()), 400,
      "At least one of 'name', 'expiration_date', or 'public_key' must be specified");
  expect_error(api_.put(path("/clients/web1/keys/a"), Json{{"expiration_date", "soon"}}), 400,
               kBadDate);
  expect_error(api_.put(path("/clients/web1/keys/a"), Json{{"public_key", "x"}}), 400,
               "Public Key must be a valid key.");
  expect_error(api_.put(path("/clients/web1/keys/a"), Json{{"name", "no way"}}), 400,
               "Field 'name' invalid");
  expect_string_error(api_.put(path("/clients/web1/keys/a"), Json{{"name", "b"}}), 409,
                      "a key with the name 'b' already exists for this actor.");
  EXPECT_EQ(key_names(), std::vector<std::string>({"a", "b"}));
  EXPECT_EQ(stored("a"),
            Json({{"name", "a"}, {"public_key", pub}, {"expiration_date", "infinity"}}));
}

TEST_P(ClientKeysApiTest, DeleteAnswersTheKeyAndForgetsIt) {
  const std::string pub = zt::test_made_pair().public_pem;
  api_.post(path("/clients/web1/keys"),
            Json{{"name", "k"}, {"public_key", pub}, {"expiration_date", "infinity"}});
  auto deleted = api_.del(path("/clients/web1/keys/k"));
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(deleted.json(),
            Json({{"name", "k"}, {"public_key", pub}, {"expiration_date", "infinity"}}));
  EXPECT_TRUE(key_names().empty());
  EXPECT_EQ(api_.get(path("/clients/web1/keys")).json(), Json::array());
  EXPECT_TRUE(api::public_keys_for_actor(server_.store(), &org(), "web1").empty());
}

TEST_P(ClientKeysApiTest, UnsupportedMethodsAre405) {
  auto r = api_.request("DELETE", path("/clients/web1/keys"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  auto named = api_.request("POST", path("/clients/web1/keys/default"), "{}");
  EXPECT_EQ(named.status, 405);
  EXPECT_EQ(named.header("allow"), "GET, PUT, DELETE");
}

}  // namespace
