#include "proofbox/zero/model/client.hpp"

#include <gtest/gtest.h>

#include "model_test_support.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;

const std::string& public_key() {
  static const std::string pem = auth::generate_key_pair(1024).public_pem;
  return pem;
}

const ClientOptions kV1{1, "acme"};
const ClientOptions kV0{0, "acme"};

TEST(Client, CreateFillsDefaults) {
  EXPECT_EQ(normalize_client(Json{{"name", "web01"}}, Action::create(), kV1), Json::parse(R"({
    "name": "web01", "clientname": "web01", "validator": false,
    "json_class": "Chef::ApiClient", "chef_type": "client", "orgname": "acme"})"));
  EXPECT_EQ(normalize_client(Json{{"clientname", "web01"}}, Action::create(), {})["name"], "web01");
  EXPECT_FALSE(normalize_client(Json{{"name", "web01"}}, Action::create(), {}).contains("orgname"));
}

TEST(Client, KeepsKnownFieldsOnly) {
  const Json out = normalize_client(Json{{"name", "v"},
                                         {"validator", true},
                                         {"admin", "yes"},
                                         {"public_key", public_key()},
                                         {"create_key", false},
                                         {"id", "x"},
                                         {"junk", 1}},
                                    Action::create(), kV1);
  EXPECT_EQ(out["validator"], true);
  EXPECT_EQ(out["admin"], true);
  EXPECT_EQ(out["public_key"], public_key());
  EXPECT_FALSE(out.contains("create_key"));
  EXPECT_FALSE(out.contains("id"));
  EXPECT_FALSE(out.contains("junk"));
}

TEST(Client, NameRules) {
  for (const char* good : {"pedanttestingclient", "pedanttestingclient123", "pedant_testing_client",
                           "pedant.testing.client"}) {
    EXPECT_NO_THROW(normalize_client(Json{{"name", good}}, Action::create(), kV1)) << good;
  }
  for (const char* bad :
       {"pedant$testing$client", "pedant testing client", "pedant{testing}client", "a:b"}) {
    expect_chef_error(
        [&] {
          normalize_client(Json{{"name", bad}}, Action::create(), kV1);
        },
        400,
        std::string("Invalid client name '") + bad +
            "' using regex: 'Malformed client name.  Must be A-Z, a-z, 0-9, _, -, "
            "or .'.");
  }
  expect_chef_error([] { normalize_client(Json::object(), Action::create(), kV1); }, 400,
                    "Field 'name' missing");
  expect_chef_error(
      [] {
        normalize_client(Json{{"admin", false}}, Action::create(), kV1);
      },
      400, "Field 'name' missing");
  expect_chef_error(
      [] {
        normalize_client(Json{{"name", "a"}, {"clientname", "b"}}, Action::create(), kV1);
      },
      400, "name and clientname must match");
  expect_chef_error([] { normalize_client(Json::array(), Action::create(), kV1); }, 400,
                    "Incorrect JSON type for request body");
}

TEST(Client, FieldTypes) {
  expect_chef_error(
      [] {
        normalize_client(Json{{"name", "c"}, {"validator", "yes"}}, Action::create(), kV1);
      },
      400, "Field 'validator' invalid");
  expect_chef_error(
      [] {
        normalize_client(Json{{"name", "c"}, {"public_key", 5}}, Action::create(), kV1);
      },
      400, "Field 'public_key' invalid");
  expect_chef_error(
      [] {
        normalize_client(Json{{"name", "c"}, {"private_key", 5}}, Action::create(), kV0);
      },
      400, "Field 'private_key' invalid");
}

TEST(Client, V1KeyRulesOnCreate) {
  expect_chef_error(
      [] {
        normalize_client(Json{{"name", "c"}, {"public_key", "not a key"}}, Action::create(), kV1);
      },
      400, "Public Key must be a valid key.");
  expect_chef_error(
      [] {
        normalize_client(Json{{"name", "c"}, {"private_key", true}}, Action::create(), kV1);
      },
      400, "Please use create_key: true instead of private_key: true");
  expect_chef_error(
      [] {
        normalize_client(Json{{"name", "c"}, {"create_key", "y"}}, Action::create(), kV1);
      },
      400, "Field 'create_key' invalid");
  expect_chef_error(
      [] {
        normalize_client(Json{{"name", "c"}, {"create_key", true}, {"public_key", public_key()}},
                         Action::create(), kV1);
      },
      400, "You must specify either create_key or public_key, but not both");
  EXPECT_NO_THROW(
      normalize_client(Json{{"name", "c"}, {"create_key", true}}, Action::create(), kV1));
}

TEST(Client, V1KeyRulesOnUpdate) {
  for (const Json& body : {Json{{"public_key", public_key()}}, Json{{"create_key", true}},
                           Json{{"create_key", false}}}) {
    expect_chef_error([&] { normalize_client(body, Action::update("c"), kV1); }, 400,
                      "Since Server API v1, all keys must be updated via the keys endpoint. ");
  }
  expect_chef_error(
      [] {
        normalize_client(Json{{"private_key", true}}, Action::update("c"), kV1);
      },
      400, "Please use create_key: true instead of private_key: true");
}

TEST(Client, V0AcceptsKeysUnchecked) {
  const Json out =
      normalize_client(Json{{"name", "c"}, {"public_key", "anything"}, {"private_key", true}},
                       Action::create(), kV0);
  EXPECT_EQ(out["public_key"], "anything");
  EXPECT_FALSE(out.contains("private_key"));
}

TEST(Client, UpdateKeepsCurrentValuesAndRenames) {
  const Json current =
      normalize_client(Json{{"name", "c"}, {"validator", true}, {"public_key", public_key()}},
                       Action::create(), kV1);
  Json out = normalize_client(Json::object(), Action::update("c"), kV1, &current);
  EXPECT_EQ(out["name"], "c");
  EXPECT_EQ(out["clientname"], "c");
  EXPECT_EQ(out["validator"], true);
  EXPECT_FALSE(out.contains("public_key"));  // v1: keys live in the keys endpoint
  out = normalize_client(Json{{"public_key", nullptr}}, Action::update("c"), kV0, &current);
  EXPECT_EQ(out["public_key"], public_key());  // v0: a null key keeps the current one
  out = normalize_client(Json{{"name", "c2"}, {"validator", false}}, Action::update("c"), kV1,
                         &current);
  EXPECT_EQ(out["name"], "c2");
  EXPECT_EQ(out["validator"], false);
}

TEST(Client, Response) {
  const Json stored =
      normalize_client(Json{{"name", "c"}, {"validator", true}, {"public_key", public_key()}},
                       Action::create(), kV1);
  EXPECT_EQ(client_response(stored, "acme", 1), Json::parse(R"({
    "name": "c", "clientname": "c", "validator": true, "orgname": "acme",
    "json_class": "Chef::ApiClient", "chef_type": "client"})"));
  EXPECT_EQ(client_response(stored, "acme", 0)["public_key"], public_key());
  EXPECT_EQ(validator_client_name("acme"), "acme-validator");
}

}  // namespace
}  // namespace proofbox::zero::model
