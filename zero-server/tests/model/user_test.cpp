#include "proofbox/zero/model/user.hpp"

#include <gtest/gtest.h>

#include "model_test_support.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;
using test_support::with;
using test_support::without;

const Json kUser = Json::parse(R"({"username": "jane", "display_name": "Jane Doe",
  "email": "jane@example.com", "password": "secret123", "first_name": "Jane",
  "last_name": "Doe"})");

void expect_create_error(const Json& body, const std::string& message) {
  expect_chef_error([&] { normalize_user(body, Action::create()); }, 400, message);
}

TEST(User, CreateKeepsFields) {
  EXPECT_EQ(normalize_user(kUser, Action::create()), kUser);
  // "name" is accepted and stored as "username"; "id" is dropped.
  const Json out = normalize_user(with(with(without(kUser, "username"), "name", "jane"), "id", 1),
                                  Action::create());
  EXPECT_EQ(out["username"], "jane");
  EXPECT_FALSE(out.contains("name"));
  EXPECT_FALSE(out.contains("id"));
}

TEST(User, NameRules) {
  expect_create_error(without(kUser, "username"), "Field 'username' missing");
  expect_create_error(with(kUser, "username", "Jane"), "Field 'username' invalid");
  expect_create_error(with(kUser, "username", "jane.doe"), "Field 'username' invalid");
  expect_create_error(with(kUser, "name", "bad name"), "Field 'name' invalid");
  // "name" wins over "username".
  EXPECT_EQ(normalize_user(with(kUser, "name", "other"), Action::create())["username"], "other");
}

TEST(User, ProfileFields) {
  expect_create_error(without(kUser, "display_name"), "Field 'display_name' missing");
  expect_create_error(with(kUser, "display_name", 5), "Field 'display_name' invalid");
  expect_create_error(with(kUser, "first_name", 5), "Field 'first_name' invalid");
  expect_create_error(with(kUser, "country", false), "Field 'country' invalid");
}

TEST(User, LocalAuthRules) {
  expect_create_error(without(kUser, "email"), "Field 'email' missing");
  expect_create_error(with(kUser, "email", "not-an-email"), "email must be valid");
  expect_create_error(without(kUser, "password"), "Field 'password' missing");
  expect_create_error(with(kUser, "password", "short"), "Password must have at least 6 characters");
  // Externally authenticated users need neither.
  EXPECT_NO_THROW(normalize_user(
      with(without(without(kUser, "email"), "password"), "external_authentication_uid", "jd"),
      Action::create()));
  // Nor do restores that turn the rules off.
  EXPECT_NO_THROW(normalize_user(without(without(kUser, "email"), "password"), Action::create(),
                                 UserOptions{1, false}));
  // Updates need email but no password.
  EXPECT_NO_THROW(normalize_user(without(kUser, "password"), Action::update("jane")));
}

TEST(User, UpdateOnlyFields) {
  expect_chef_error(
      [] {
        normalize_user(with(kUser, "recovery_authentication_enabled", "yes"),
                       Action::update("jane"));
      },
      400, "Field 'recovery_authentication_enabled' invalid");
}

TEST(User, KeyRules) {
  static const std::string pem = auth::generate_key_pair(1024).public_pem;
  EXPECT_EQ(normalize_user(with(kUser, "public_key", pem), Action::create())["public_key"], pem);
  expect_create_error(with(kUser, "public_key", "garbage"), "Public Key must be a valid key.");
  expect_create_error(with(kUser, "private_key", true),
                      "Please use create_key: true instead of private_key: true");
  expect_chef_error([&] { normalize_user(with(kUser, "public_key", pem), Action::update("jane")); },
                    400, "Since Server API v1, all keys must be updated via the keys endpoint. ");
  // API v0: null key dropped, private_key:true drops the key, garbage refused.
  const UserOptions v0{0, true};
  EXPECT_FALSE(normalize_user(with(kUser, "public_key", nullptr), Action::create(), v0)
                   .contains("public_key"));
  const Json out = normalize_user(with(with(kUser, "public_key", "x"), "private_key", true),
                                  Action::create(), v0);
  EXPECT_FALSE(out.contains("public_key"));
  EXPECT_FALSE(out.contains("private_key"));
  expect_chef_error(
      [&] { normalize_user(with(kUser, "public_key", "garbage"), Action::create(), v0); }, 400,
      "Public Key must be a valid key.");
}

TEST(User, Email) {
  for (const char* good :
       {"a@b.co", "jane.doe+tag@mail.example.com", "X_Y@Example.ORG", "o'brien@ex-ample.io"}) {
    EXPECT_TRUE(valid_email(good)) << good;
  }
  for (const char* bad : {"", "a", "a@", "@b.co", "a@b", "a..b@c.de", ".a@c.de", "a.@c.de",
                          "a@-b.co", "a@b-.co", "a@b..co", "a b@c.de", "a@b_c.de"}) {
    EXPECT_FALSE(valid_email(bad)) << bad;
  }
}

TEST(User, Response) {
  const Json stored = with(normalize_user(kUser, Action::create()), "public_key", "PEM");
  EXPECT_EQ(user_response(stored, 1), Json::parse(R"({"username": "jane",
    "email": "jane@example.com", "display_name": "Jane Doe", "first_name": "Jane",
    "last_name": "Doe"})"));
  EXPECT_EQ(user_response(stored, 0)["public_key"], "PEM");
  EXPECT_EQ(user_response(Json{{"username", "x"}}, 1), Json::parse(R"({"username": "x",
    "email": ""})"));
}

}  // namespace
}  // namespace proofbox::zero::model
