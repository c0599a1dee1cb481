// /users, /users/U, /users/U/keys and /users/U/keys/K over HTTP (server-level: no org form).
// Expected shapes and messages: erchef oc_chef_wm_users / oc_chef_wm_named_user / chef_user /
// oc_chef_wm_keys / chef_wm_util, chef-zero actors_endpoint / actor_endpoint.
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

Json alice() {
  return Json{{"username", "alice"},          {"display_name", "Alice A"},
              {"email", "alice@example.com"}, {"first_name", "Alice"},
              {"last_name", "Able"},          {"password", "secret-password"}};
}

class UsersApiTest : public zt::ServerApiTest {
 protected:
  std::string stored_key(const std::string& user, const std::string& key = "default") {
    auto keys = server_.store().find(api::user_keys_kind(user));
    if (!keys) return "";
    auto doc = keys->get(key);
    return doc ? Json::parse(*doc)["public_key"].get<std::string>() : "";
  }
  std::vector<std::string> user_names() { return server_.store().users().names(); }
};

TEST_F(UsersApiTest, V0CreateGeneratesAKeyAndAnswersOnlyThePrivateHalf) {
  EXPECT_EQ(api_.get("/users").json(), Json::object());
  auto created = api_.post("/users", alice());
  ASSERT_EQ(created.status, 201) << created.body;
  Json body = created.json();
  EXPECT_EQ(body.size(), 2u) << body;
  EXPECT_EQ(body["uri"], url("/users/alice"));
  EXPECT_EQ(created.header("location"), url("/users/alice"));
  EXPECT_TRUE(pair_matches(body["private_key"], stored_key("alice")));

  auto got = api_.get("/users/alice");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json(), Json({{"username", "alice"},
                              {"email", "alice@example.com"},
                              {"display_name", "Alice A"},
                              {"first_name", "Alice"},
                              {"last_name", "Able"},
                              {"public_key", stored_key("alice")}}));
  // The password is neither answered nor kept.
  EXPECT_EQ(server_.store().users().get("alice")->find("secret-password"), std::string::npos);
  EXPECT_EQ(api_.get("/users").json(), Json({{"alice", url("/users/alice")}}));
}

TEST_F(UsersApiTest, V1CreateKeyAnswersAChefKeyAndGetHidesTheKey) {
  Json user = alice();
  user["create_key"] = true;
  auto created = api_.post("/users", user, zt::kV1);
  ASSERT_EQ(created.status, 201) << created.body;
  const Json key = created.json()["chef_key"];
  EXPECT_EQ(key["name"], "default");
  EXPECT_EQ(key["expiration_date"], "infinity");
  EXPECT_EQ(key["uri"], url("/users/alice/keys/default"));
  EXPECT_EQ(key["public_key"], stored_key("alice"));
  EXPECT_TRUE(pair_matches(key["private_key"], stored_key("alice")));
  EXPECT_FALSE(api_.get("/users/alice", zt::kV1).json().contains("public_key"));
}

TEST_F(UsersApiTest, V1CreateWithoutKeyFieldsMakesAKeylessUser) {
  auto created = api_.post("/users", alice(), zt::kV1);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/users/alice")}}));
  EXPECT_EQ(api_.get("/users/alice/keys").json(), Json::array());
  EXPECT_FALSE(api_.get("/users/alice", zt::kV0).json().contains("public_key"));
}

TEST_F(UsersApiTest, V0CreateWithAPublicKeyKeepsIt) {
  Json user = alice();
  user["public_key"] = zt::test_made_pair().public_pem;
  auto created = api_.post("/users", user);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/users/alice")}}));
  EXPECT_EQ(stored_key("alice"), zt::test_made_pair().public_pem);
}

TEST_F(UsersApiTest, CreateRefusesBadBodiesAndStoresNothing) {
  Json no_display = alice();
  no_display.erase("display_name");
  expect_error(api_.post("/users", no_display), 400, "Field 'display_name' missing");
  Json no_name = alice();
  no_name.erase("username");
  expect_error(api_.post("/users", no_name), 400, "Field 'username' missing");
  Json bad_name = alice();
  bad_name["username"] = "Alice";
  expect_error(api_.post("/users", bad_name), 400, "Field 'username' invalid");
  Json bad_email = alice();
  bad_email["email"] = "not-an-email";
  expect_error(api_.post("/users", bad_email), 400, "email must be valid");
  Json short_password = alice();
  short_password["password"] = "abc";
  expect_error(api_.post("/users", short_password), 400,
               "Password must have at least 6 characters");
  Json both = alice();
  both["create_key"] = true;
  both["public_key"] = zt::test_made_pair().public_pem;
  expect_error(api_.post("/users", both, zt::kV1), 400,
               "You must specify either create_key or public_key, but not both");
  expect_error(api_.request("POST", "/users", "{"), 400, "invalid JSON");
  EXPECT_TRUE(user_names().empty());
  EXPECT_FALSE(server_.store().find(api::user_keys_kind("alice")));
}

TEST_F(UsersApiTest, DuplicateIs409) {
  ASSERT_EQ(api_.post("/users", alice()).status, 201);
  const std::string key = stored_key("alice");
  expect_error(api_.post("/users", alice()), 409, "User 'alice' already exists");
  EXPECT_EQ(stored_key("alice"), key);
}

TEST_F(UsersApiTest, MissingUserIs404WithAStringError) {
  expect_string_error(api_.get("/users/bob"), 404, "Could not find user bob");
  Json bob = alice();
  bob["username"] = "bob";
  expect_string_error(api_.put("/users/bob", bob), 404, "Could not find user bob");
  expect_string_error(api_.del("/users/bob"), 404, "Could not find user bob");
  expect_string_error(api_.get("/users/bob/keys"), 404, "Could not find user bob");
  expect_string_error(api_.get("/users/bob/keys/default"), 404, "Could not find user bob");
  EXPECT_TRUE(user_names().empty());
  // Users are server-level: there is no org form of these routes.
  EXPECT_EQ(api_.get("/organizations/chef/users/bob/keys").status, 404);
}

TEST_F(UsersApiTest, PutUpdatesAndAnswersTheUri) {
  ASSERT_EQ(api_.post("/users", alice()).status, 201);
  const std::string key = stored_key("alice");
  Json changed = alice();
  changed["display_name"] = "Alice B";
  changed.erase("password");
  auto put = api_.put("/users/alice", changed);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json(), Json({{"uri", url("/users/alice")}}));
  EXPECT_EQ(api_.get("/users/alice").json()["display_name"], "Alice B");
  EXPECT_EQ(stored_key("alice"), key);
}

TEST_F(UsersApiTest, V0PutWithPrivateKeyTrueRegenerates) {
  ASSERT_EQ(api_.post("/users", alice()).status, 201);
  const std::string old_key = stored_key("alice");
  Json body = alice();
  body["private_key"] = true;
  auto put = api_.put("/users/alice", body);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["uri"], url("/users/alice"));
  EXPECT_NE(stored_key("alice"), old_key);
  EXPECT_TRUE(pair_matches(put.json()["private_key"], stored_key("alice")));
}

TEST_F(UsersApiTest, V1PutRefusesKeyFields) {
  ASSERT_EQ(api_.post("/users", alice()).status, 201);
  const std::string key = stored_key("alice");
  Json body = alice();
  body["public_key"] = zt::test_made_pair().public_pem;
  expect_error(api_.put("/users/alice", body, zt::kV1), 400,
               "Since Server API v1, all keys must be updated via the keys endpoint. ");
  EXPECT_EQ(stored_key("alice"), key);
}

TEST_F(UsersApiTest, PutRenamesAndMovesKeys) {
  ASSERT_EQ(api_.post("/users", alice()).status, 201);
  const std::string key = stored_key("alice");
  Json body = alice();
  body["username"] = "alicia";
  auto put = api_.put("/users/alice", body);
  ASSERT_EQ(put.status, 201) << put.body;
  EXPECT_EQ(put.json(), Json({{"uri", url("/users/alicia")}}));
  expect_string_error(api_.get("/users/alice"), 404, "Could not find user alice");
  EXPECT_EQ(api_.get("/users/alicia").json()["username"], "alicia");
  EXPECT_EQ(stored_key("alicia"), key);
  EXPECT_FALSE(server_.store().find(api::user_keys_kind("alice")));

  Json bob = alice();
  bob["username"] = "bob";
  ASSERT_EQ(api_.post("/users", bob).status, 201);
  expect_error(api_.put("/users/bob", body), 409, "User 'alicia' already exists");
  EXPECT_EQ(user_names(), std::vector<std::string>({"alicia", "bob"}));
}

TEST_F(UsersApiTest, DeleteAnswersTheUserAndForgetsKeysAndMemberships) {
  ASSERT_EQ(api_.post("/users", alice()).status, 201);
  const std::string key = stored_key("alice");
  auto members = server_.store().collection("associations/chef");
  members->put("alice", proofbox::zero::store::make_document("{}"));
  auto deleted = api_.del("/users/alice");
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(deleted.json()["username"], "alice");
  EXPECT_EQ(deleted.json()["public_key"], key);
  EXPECT_FALSE(deleted.json().contains("password"));
  EXPECT_TRUE(user_names().empty());
  EXPECT_FALSE(server_.store().find(api::user_keys_kind("alice")));
  EXPECT_FALSE(members->contains("alice"));
}

TEST_F(UsersApiTest, ListFiltersByEmailAndAnswersVerbosely) {
  ASSERT_EQ(api_.post("/users", alice(), zt::kV1).status, 201);
  Json bob = alice();
  bob["username"] = "bob";
  bob["email"] = "bob@example.com";
  bob.erase("first_name");
  ASSERT_EQ(api_.post("/users", bob, zt::kV1).status, 201);
  EXPECT_EQ(api_.get("/users?email=BOB@example.com").json(), Json({{"bob", url("/users/bob")}}));
  EXPECT_EQ(api_.get("/users?email=nobody@example.com").json(), Json::object());
  EXPECT_EQ(
      api_.get("/users?verbose=true").json(),
      Json({{"alice",
             {{"email", "alice@example.com"}, {"first_name", "Alice"}, {"last_name", "Able"}}},
            {"bob", {{"email", "bob@example.com"}, {"first_name", ""}, {"last_name", "Able"}}}}));
}

TEST_F(UsersApiTest, UserKeysWorkLikeClientKeys) {
  ASSERT_EQ(api_.post("/users", alice(), zt::kV1).status, 201);
  auto created =
      api_.post("/users/alice/keys",
                Json{{"name", "laptop"}, {"create_key", true}, {"expiration_date", "infinity"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["uri"], url("/users/alice/keys/laptop"));
  EXPECT_TRUE(pair_matches(created.json()["private_key"], stored_key("alice", "laptop")));
  EXPECT_EQ(
      api_.get("/users/alice/keys").json(),
      Json::array({Json{
          {"uri", url("/users/alice/keys/laptop")}, {"name", "laptop"}, {"expired", false}}}));
  EXPECT_EQ(api::public_keys_for_actor(server_.store(), nullptr, "alice"),
            std::vector<std::string>({stored_key("alice", "laptop")}));

  auto dated =
      api_.put("/users/alice/keys/laptop", Json{{"expiration_date", "2000-01-01T00:00:00Z"}});
  ASSERT_EQ(dated.status, 200) << dated.body;
  EXPECT_EQ(api_.get("/users/alice/keys").json()[0]["expired"], true);
  EXPECT_TRUE(api::public_keys_for_actor(server_.store(), nullptr, "alice").empty());

  expect_string_error(api_.get("/users/alice/keys/nope"), 404,
                      "There is no key named nope associated with alice.");
  expect_string_error(
      api_.post("/users/alice/keys",
                Json{{"name", "laptop"}, {"create_key", true}, {"expiration_date", "infinity"}}),
      409, "a key with the name 'laptop' already exists for this actor.");
  auto deleted = api_.del("/users/alice/keys/laptop");
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(deleted.json()["name"], "laptop");
  EXPECT_EQ(api_.get("/users/alice/keys").json(), Json::array());
}

TEST_F(UsersApiTest, UnsupportedMethodsAre405) {
  auto r = api_.request("PUT", "/users", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
}

}  // namespace
