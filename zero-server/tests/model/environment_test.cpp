#include "proofbox/zero/model/environment.hpp"

#include <gtest/gtest.h>

#include "model_test_support.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;
using test_support::with;

void expect_error(const Json& body, const std::string& message) {
  expect_chef_error([&] { normalize_environment(body); }, 400, message);
}

const Json kMinimal = Json{{"name", "production"}};

TEST(Environment, FillsDefaults) {
  EXPECT_EQ(normalize_environment(kMinimal), Json::parse(R"({
    "name": "production", "description": "", "json_class": "Chef::Environment",
    "chef_type": "environment", "default_attributes": {}, "override_attributes": {},
    "cookbook_versions": {}})"));
}

TEST(Environment, KeepsValidContent) {
  const Json body = Json::parse(R"({
    "name": "prod", "description": "これは日本語だ", "json_class": "Chef::Environment",
    "chef_type": "environment", "default_attributes": {"鍵": "値", "": null},
    "override_attributes": {"k": 99},
    "cookbook_versions": {"apache2": "= 1.2.3", "nginx": ">= 1.0", "mysql": "~> 2.1",
                          "php": "< 3.0.0", "git": "1.0.0", "date": ">= 1.2.20130730201745"}})");
  EXPECT_EQ(normalize_environment(body), body);
}

TEST(Environment, ValidatesName) {
  expect_error(Json::object(), "Field 'name' missing");
  for (const Json& bad : {Json(""), Json("abc!123"), Json("abc 123"), Json("a:b"),
                          Json("\xe5\xa4\xa7\xe7\x88\x86\xe7\x99\xba"), Json(nullptr), Json(1999),
                          Json(true), Json::array(), Json::object()}) {
    expect_error(Json{{"name", bad}}, "Field 'name' invalid");
  }
  expect_chef_error([] { normalize_environment(Json::parse(R"(["name","blah"])")); }, 400,
                    "Incorrect JSON type for request body");
  expect_chef_error([] { normalize_environment(Json(-1)); }, 400,
                    "Incorrect JSON type for request body");
}

TEST(Environment, ValidatesFields) {
  expect_error(with(kMinimal, "description", 1999), "Field 'description' invalid");
  expect_error(with(kMinimal, "json_class", ""), "Field 'json_class' invalid");
  expect_error(with(kMinimal, "json_class", "notaclass"), "Field 'json_class' invalid");
  expect_error(with(kMinimal, "chef_type", 1999), "Field 'chef_type' invalid");
  expect_error(with(kMinimal, "default_attributes", "hello"),
               "Field 'default_attributes' is not a hash");
  expect_error(with(kMinimal, "override_attributes", 1999),
               "Field 'override_attributes' is not a hash");
  expect_error(with(kMinimal, "blah", "anyoldvalue"), "Invalid key blah in request body");
}

TEST(Environment, ValidatesCookbookVersions) {
  expect_error(with(kMinimal, "cookbook_versions", 1999),
               "Field 'cookbook_versions' is not a hash");
  expect_error(with(kMinimal, "cookbook_versions", "hello"),
               "Field 'cookbook_versions' is not a hash");
  expect_error(with(kMinimal, "cookbook_versions", Json{{"the cookbook", ">= 1.0.0"}}),
               "Invalid key 'the cookbook' for cookbook_versions");
  expect_error(with(kMinimal, "cookbook_versions", Json{{"", ">= 1.0.0"}}),
               "Invalid key '' for cookbook_versions");
  struct Case {
    Json value;
    const char* shown;
  };
  for (const Case& c : {Case{nullptr, "null"}, Case{1, "1"}, Case{1.1, "1.1"}, Case{"", ""},
                        Case{">= 1.0.0.0", ">= 1.0.0.0"}, Case{">= 1,0,0", ">= 1,0,0"},
                        Case{">= 1.a.b", ">= 1.a.b"}, Case{">= 1.0rc1", ">= 1.0rc1"},
                        Case{">=1.0.0", ">=1.0.0"}, Case{" >= 1.0.0", " >= 1.0.0"},
                        Case{">=  1.0.0", ">=  1.0.0"}, Case{">= 1.-2.3", ">= 1.-2.3"},
                        Case{">= 1.2.9223372036854775849", ">= 1.2.9223372036854775849"},
                        Case{"not a constraint", "not a constraint"}}) {
    expect_error(with(kMinimal, "cookbook_versions", Json{{"cookbook", c.value}}),
                 std::string("Invalid value '") + c.shown + "' for cookbook_versions");
  }
  expect_error(with(kMinimal, "cookbook_versions", Json{{"cookbook", Json::array({">= 1.0"})}}),
               "Invalid value '[\">= 1.0\"]' for cookbook_versions");
}

TEST(Environment, Constraints) {
  const Json env = normalize_environment(
      with(kMinimal, "cookbook_versions", Json{{"apache2", "~> 1.2"}, {"nginx", "= 2.0.1"}}));
  auto cs = environment_constraints(env);
  ASSERT_EQ(cs.size(), 2u);
  EXPECT_EQ(cs[0].first, "apache2");
  EXPECT_EQ(cs[0].second, *parse_constraint("~> 1.2"));
  EXPECT_EQ(cs[1].first, "nginx");
  EXPECT_EQ(cs[1].second, *parse_constraint("= 2.0.1"));
}

TEST(Environment, DefaultEnvironment) {
  EXPECT_TRUE(is_default_environment("_default"));
  EXPECT_FALSE(is_default_environment("default"));
  EXPECT_EQ(default_environment(), Json::parse(R"({
    "name": "_default", "description": "The default Chef environment",
    "json_class": "Chef::Environment", "chef_type": "environment",
    "default_attributes": {}, "override_attributes": {}, "cookbook_versions": {}})"));
  EXPECT_EQ(normalize_environment(default_environment()), default_environment());
  EXPECT_NO_THROW(require_modifiable_environment("production"));
  expect_chef_error([] { require_modifiable_environment("_default"); }, 405,
                    "The '_default' environment cannot be modified.");
}

}  // namespace
}  // namespace proofbox::zero::model
