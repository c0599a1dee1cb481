#include "proofbox/zero/model/node.hpp"

#include <gtest/gtest.h>

#include "model_test_support.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;
using test_support::with;

void expect_create_error(const Json& body, const std::string& message) {
  expect_chef_error([&] { normalize_node(body, Action::create()); }, 400, message);
}

const Json kMinimal = Json{{"name", "web01"}};

TEST(Node, FillsDefaults) {
  EXPECT_EQ(normalize_node(kMinimal, Action::create()), Json::parse(R"({
    "name": "web01", "chef_environment": "_default", "json_class": "Chef::Node",
    "chef_type": "node", "normal": {}, "default": {}, "override": {}, "automatic": {},
    "run_list": []})"));
  EXPECT_EQ(new_node("web01"), normalize_node(kMinimal, Action::create()));
}

TEST(Node, KeepsGivenValuesAndNormalizesRunList) {
  const Json body = Json::parse(R"({
    "name": "db:01.example", "chef_environment": "production", "json_class": "Chef::Node",
    "chef_type": "node", "normal": {"tags": ["a"]}, "default": {"x": 1},
    "override": {"y": {"z": null}}, "automatic": {"platform": "debian"},
    "run_list": ["base", "recipe[base]", "role[db]", "mysql::server@8.0.1"],
    "policy_name": "example-policy", "policy_group": "prod"})");
  Json expected = body;
  expected["run_list"] = Json::parse(R"(["recipe[base]", "role[db]",
                                          "recipe[mysql::server@8.0.1]"])");
  EXPECT_EQ(normalize_node(body, Action::create()), expected);
}

TEST(Node, UpdateTakesTheUrlName) {
  Json out = normalize_node(Json{{"run_list", Json::array({"x"})}}, Action::update("web01"));
  EXPECT_EQ(out["name"], "web01");
  EXPECT_EQ(out["run_list"], Json::array({"recipe[x]"}));
  EXPECT_EQ(normalize_node(kMinimal, Action::update("web01"))["name"], "web01");
}

TEST(Node, UpdateWithAnotherNameIsAMismatch) {
  for (const Json& name :
       {Json("web02"), Json("WEB01"), Json("node@127.0.0.1"), Json(nullptr), Json(12)}) {
    expect_chef_error(
        [&] {
          normalize_node(Json{{"name", name}}, Action::update("web01"));
        },
        400, "Node name mismatch.");
  }
}

TEST(Node, RejectsBadBodies) {
  for (const char* body : {"[]", "\"node\"", "1", "null", "true"}) {
    expect_chef_error([&] { normalize_node(Json::parse(body), Action::create()); }, 400,
                      "Incorrect JSON type for request body");
  }
}

TEST(Node, ValidatesName) {
  expect_create_error(Json::object(), "Field 'name' missing");
  expect_create_error(Json{{"name", "node@127.0.0.1"}}, "Field 'name' invalid");
  expect_create_error(Json{{"name", ""}}, "Field 'name' invalid");
  expect_create_error(Json{{"name", 1999}}, "Field 'name' invalid");
  expect_create_error(Json{{"name", nullptr}}, "Field 'name' invalid");
  EXPECT_NO_THROW(normalize_node(
      Json{{"name", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqurstuvwxyz0123456789-_:"}},
      Action::create()));
}

TEST(Node, ValidatesFields) {
  expect_create_error(with(kMinimal, "chef_environment", "pedant:no_colon_in_environment_name"),
                      "Field 'chef_environment' invalid");
  expect_create_error(with(kMinimal, "chef_environment", nullptr),
                      "Field 'chef_environment' invalid");
  expect_create_error(with(kMinimal, "json_class", "anything_else"), "Field 'json_class' invalid");
  expect_create_error(with(kMinimal, "chef_type", "role"), "Field 'chef_type' invalid");
  for (const char* attrs : {"normal", "default", "override", "automatic"}) {
    for (const Json& bad : {Json(1), Json::array(), Json(""), Json(nullptr)}) {
      expect_create_error(with(kMinimal, attrs, bad),
                          std::string("Field '") + attrs + "' is not a hash");
    }
  }
  for (const char* rl : {R"(["gibberish@1"])", R"(["recipe[gibberish@1]"])", R"([1, 2, 3])",
                         R"({})", R"("string")", "null", R"([""])"}) {
    expect_create_error(with(kMinimal, "run_list", Json::parse(rl)),
                        "Field 'run_list' is not a valid run list");
  }
  expect_create_error(with(kMinimal, "policy_name", 42), "Field 'policy_name' invalid");
  expect_create_error(with(kMinimal, "policy_name", std::string(256, 'F')),
                      "Field 'policy_name' invalid");
  expect_create_error(with(kMinimal, "policy_group", "invalid-char!"),
                      "Field 'policy_group' invalid");
  EXPECT_NO_THROW(
      normalize_node(with(kMinimal, "policy_name", std::string(255, 'd')), Action::create()));
}

TEST(Node, RejectsUnknownKeys) {
  expect_create_error(with(kMinimal, "blah", "anyoldvalue"), "Invalid key blah in request body");
  // Unknown keys are reported before field errors, as the server checks keys first.
  expect_create_error(Json{{"name", "bad name"}, {"attributes", Json::object()}},
                      "Invalid key attributes in request body");
}

TEST(Node, AttributeValuesAreFree) {
  const Json attrs = Json::parse(R"({"": 1, "k": null, "l": [1, "a"], "m": {"1": 1}})");
  for (const char* key : {"normal", "default", "override", "automatic"}) {
    EXPECT_EQ(normalize_node(with(kMinimal, key, attrs), Action::create())[key], attrs);
  }
}

}  // namespace
}  // namespace proofbox::zero::model
