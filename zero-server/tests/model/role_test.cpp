#include "proofbox/zero/model/role.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model_test_support.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;
using test_support::with;

void expect_create_error(const Json& body, const std::string& message) {
  expect_chef_error([&] { normalize_role(body, Action::create()); }, 400, message);
}

const Json kMinimal = Json{{"name", "web"}};

TEST(Role, FillsDefaults) {
  EXPECT_EQ(normalize_role(kMinimal, Action::create()), Json::parse(R"({
    "name": "web", "description": "", "json_class": "Chef::Role", "chef_type": "role",
    "default_attributes": {}, "override_attributes": {}, "run_list": [],
    "env_run_lists": {}})"));
}

TEST(Role, NormalizesRunLists) {
  const Json body = Json::parse(R"({
    "name": "web", "description": "Web servers",
    "default_attributes": {"nginx": {"port": 80}}, "override_attributes": {"a": [1]},
    "run_list": ["foo", "foo::bar", "bar::baz@1.0.0", "recipe[web]", "role[prod]", "foo"],
    "env_run_lists": {
      "prod": ["foo", "recipe[foo]", "role[prod]", "role[prod]"],
      "dev": ["bar", "bar::default", "recipe[bar]", "recipe[bar::default]"]}})");
  Json out = normalize_role(body, Action::create());
  EXPECT_EQ(out["run_list"], Json::parse(R"(["recipe[foo]", "recipe[foo::bar]",
      "recipe[bar::baz@1.0.0]", "recipe[web]", "role[prod]"])"));
  EXPECT_EQ(out["env_run_lists"], Json::parse(R"({
      "prod": ["recipe[foo]", "role[prod]"],
      "dev": ["recipe[bar]", "recipe[bar::default]"]})"));
  EXPECT_EQ(out["description"], "Web servers");
  EXPECT_EQ(out["default_attributes"], body["default_attributes"]);
}

TEST(Role, UpdateRules) {
  Json out = normalize_role(Json{{"description", "updated"}}, Action::update("web"));
  EXPECT_EQ(out["name"], "web");
  EXPECT_EQ(out["description"], "updated");
  expect_chef_error(
      [] {
        normalize_role(Json{{"name", "this_is_not_the_same"}}, Action::update("web"));
      },
      400, "Role name mismatch.");
  expect_chef_error(
      [] {
        normalize_role(Json{{"json_class", "Chef::Node"}}, Action::update("web"));
      },
      400, "Field 'json_class' invalid");
}

TEST(Role, ValidatesFields) {
  expect_create_error(Json::object(), "Field 'name' missing");
  expect_create_error(Json{{"name", "this+ is bad!!!"}}, "Field 'name' invalid");
  EXPECT_NO_THROW(normalize_role(
      Json{{"name", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqurstuvwxyz0123456789-_:"}},
      Action::create()));
  expect_create_error(with(kMinimal, "json_class", "Chef::NotReallyAClass"),
                      "Field 'json_class' invalid");
  expect_create_error(with(kMinimal, "chef_type", "node"), "Field 'chef_type' invalid");
  expect_create_error(with(kMinimal, "default_attributes", "This is clearly not a hash"),
                      "Field 'default_attributes' is not a hash");
  expect_create_error(with(kMinimal, "override_attributes", Json::array()),
                      "Field 'override_attributes' is not a hash");
  expect_create_error(with(kMinimal, "run_list", Json::array({123})),
                      "Field 'run_list' is not a valid run list");
  expect_create_error(with(kMinimal, "run_list", Json::array({"recipe["})),
                      "Field 'run_list' is not a valid run list");
  expect_create_error(with(kMinimal, "env_run_lists", "This is clearly wrong"),
                      "Field 'env_run_lists' contains invalid run lists");
  expect_create_error(with(kMinimal, "env_run_lists",
                           Json::parse(R"({"preprod": ["recipe[blah]"], "prod": [123]})")),
                      "Field 'env_run_lists' contains invalid run lists");
  expect_create_error(with(kMinimal, "env_run_lists", Json::parse(R"({"bad!": []})")),
                      "Invalid key 'bad!' for env_run_lists");
  expect_create_error(with(kMinimal, "blah", 1), "Invalid key blah in request body");
  expect_chef_error([] { normalize_role(Json::array(), Action::create()); }, 400,
                    "Incorrect JSON type for request body");
}

TEST(Role, RunListFor) {
  const Json role = normalize_role(Json::parse(R"({"name": "web", "run_list": ["a"],
      "env_run_lists": {"prod": ["b"], "empty": []}})"),
                                   Action::create());
  EXPECT_EQ(run_list_for(role, "prod"), Json::array({"recipe[b]"}));
  EXPECT_EQ(run_list_for(role, "empty"), Json::array());
  EXPECT_EQ(run_list_for(role, "dev"), Json::array({"recipe[a]"}));
  EXPECT_EQ(run_list_for(role, "_default"), Json::array({"recipe[a]"}));
  EXPECT_EQ(run_list_for(Json::object(), "prod"), Json::array());
}

TEST(Role, EnvironmentEndpointShapes) {
  const Json role = normalize_role(Json::parse(R"({"name": "web", "run_list": ["a"],
      "env_run_lists": {"prod": ["b"], "_default": ["c"]}})"),
                                   Action::create());
  EXPECT_EQ(role_environment_run_list(role, "_default"), Json::array({"recipe[a]"}));
  EXPECT_EQ(role_environment_run_list(role, "prod"), Json::array({"recipe[b]"}));
  EXPECT_EQ(role_environment_run_list(role, "dev"), Json(nullptr));
  EXPECT_THAT(role_environments(role), ::testing::ElementsAre("_default", "prod"));
  EXPECT_THAT(role_environments(normalize_role(Json{{"name", "r"}}, Action::create())),
              ::testing::ElementsAre("_default"));
}

}  // namespace
}  // namespace proofbox::zero::model
