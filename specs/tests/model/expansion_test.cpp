// Run-list expansion and attribute precedence against the rules Chef documents: nested roles
// expanded in place, each role applied once, env_run_lists replacing run_list in their
// environment, duplicates dropped (first kept); environment default < role default < normal <
// role override < environment override < automatic; the including role wins over the roles it
// includes, later roles over earlier ones; arrays merged within a level, replaced across.
#include "proofbox/specs/expansion.hpp"

#include <gtest/gtest.h>

#include <map>

namespace proofbox::specs {
namespace {

Json j(const char* text) {
  return Json::parse(text);
}

class ExpansionTest : public ::testing::Test {
 protected:
  void role(const char* json) {
    Json doc = j(json);
    roles_[doc["name"].get<std::string>()] = doc;
  }
  Expansion expand(const char* run_list, const char* env = "_default") {
    return expand_run_list(j(run_list), env, lookup_);
  }

  std::map<std::string, Json> roles_;
  RoleLookup lookup_ = [this](const std::string& name) -> const Json* {
    auto it = roles_.find(name);
    return it == roles_.end() ? nullptr : &it->second;
  };
};

TEST_F(ExpansionTest, NestedRolesExpandInPlaceAndDuplicatesKeepTheFirst) {
  role(R"({"name":"base","run_list":["recipe[ntp]","recipe[users]"]})");
  role(R"({"name":"web","run_list":["recipe[nginx]","role[base]","recipe[ntp]","recipe[app]"]})");
  auto e = expand(R"(["recipe[users]","role[web]","role[base]"])");
  EXPECT_EQ(e.recipe_names(), (std::vector<std::string>{"users", "nginx", "ntp", "app"}));
  EXPECT_EQ(e.roles, (std::vector<std::string>{"web", "base"}));
  EXPECT_TRUE(e.missing_roles.empty());
}

TEST_F(ExpansionTest, RecipeNamesAreComparedAsWrittenButIncludesKnowsDefault) {
  auto e = expand(R"(["recipe[apache2]","recipe[apache2::default]","recipe[apache2::mod_ssl]"])");
  EXPECT_EQ(e.recipe_names(),
            (std::vector<std::string>{"apache2", "apache2::default", "apache2::mod_ssl"}));
  EXPECT_TRUE(e.includes_recipe("recipe[apache2::default]"));
  EXPECT_FALSE(e.includes_recipe("apache2::other"));
}

TEST_F(ExpansionTest, EnvRunListsReplaceTheRunListInTheirEnvironmentOnly) {
  role(R"({"name":"app","run_list":["recipe[app]"],
           "env_run_lists":{"production":["recipe[app]","recipe[monitoring]"],"dev":[]}})");
  role(R"({"name":"outer","run_list":["role[app]","recipe[extra]"],
           "env_run_lists":{"dev":["role[app]"]}})");
  EXPECT_EQ(expand(R"(["role[outer]"])").recipe_names(),
            (std::vector<std::string>{"app", "extra"}));
  EXPECT_EQ(expand(R"(["role[outer]"])", "production").recipe_names(),
            (std::vector<std::string>{"app", "monitoring", "extra"}));
  // dev: outer's env run list, and app's (empty) env run list for dev.
  EXPECT_TRUE(expand(R"(["role[outer]"])", "dev").recipe_names().empty());
}

TEST_F(ExpansionTest, CyclesAndMissingRolesDoNotLoop) {
  role(R"({"name":"a","run_list":["role[b]","recipe[x]"]})");
  role(R"({"name":"b","run_list":["role[a]","role[ghost]","recipe[y]"]})");
  auto e = expand(R"(["role[a]"])");
  EXPECT_EQ(e.recipe_names(), (std::vector<std::string>{"y", "x"}));
  EXPECT_EQ(e.roles, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(e.missing_roles, (std::vector<std::string>{"ghost"}));
}

TEST_F(ExpansionTest, IncludingRoleWinsOverIncludedAndLaterOverEarlier) {
  role(
      R"({"name":"base","run_list":[],"default_attributes":{"tier":"base","ntp":["a"],"only_base":1},
           "override_attributes":{"ssh":{"port":22,"x":1}}})");
  role(R"({"name":"app","run_list":["role[base]"],"default_attributes":{"tier":"app","ntp":["b"]},
           "override_attributes":{"ssh":{"port":2222}}})");
  role(R"({"name":"late","run_list":[],"default_attributes":{"tier":"late"}})");
  auto e = expand(R"(["role[app]"])");
  EXPECT_EQ(e.default_attributes, j(R"({"tier":"app","ntp":["a","b"],"only_base":1})"));
  EXPECT_EQ(e.override_attributes, j(R"({"ssh":{"port":2222,"x":1}})"));
  EXPECT_EQ(expand(R"(["role[app]","role[late]"])").default_attributes["tier"], "late");
  EXPECT_EQ(expand(R"(["role[late]","role[app]"])").default_attributes["tier"], "app");
}

TEST_F(ExpansionTest, PrecedenceLevelsFollowTheChefTable) {
  role(R"({"name":"r","run_list":[],
           "default_attributes":{"d":"role","both_default":"role","arr":["role"]},
           "override_attributes":{"o":"role","both_override":"role","oarr":["role"]}})");
  const Json env = j(R"({"name":"e",
      "default_attributes":{"d":"env","both_default":"env","env_only":"env","arr":["env"]},
      "override_attributes":{"o":"env","oarr":["env"]}})");
  const Json node = j(R"({"name":"n","normal":{"both_default":"normal","both_override":"normal",
      "arr":["normal"]},"automatic":{"o":"ohai"}})");
  auto levels = attribute_levels(expand(R"(["role[r]"])", "e"), env, node);
  // default: environment < role, arrays merged within the level.
  EXPECT_EQ(levels.default_["d"], "role");
  EXPECT_EQ(levels.default_["env_only"], "env");
  EXPECT_EQ(levels.default_["arr"], j(R"(["env","role"])"));
  // override: role < environment, arrays merged within the level.
  EXPECT_EQ(levels.override_["o"], "env");
  EXPECT_EQ(levels.override_["oarr"], j(R"(["role","env"])"));
  // merged: normal beats default, override beats normal, automatic beats everything, and
  // arrays from different levels replace each other.
  EXPECT_EQ(levels.merged["both_default"], "normal");
  EXPECT_EQ(levels.merged["both_override"], "role");
  EXPECT_EQ(levels.merged["o"], "ohai");
  EXPECT_EQ(levels.merged["arr"], j(R"(["normal"])"));
  EXPECT_EQ(levels.environment_default["d"], "env");
  EXPECT_EQ(levels.role_default["d"], "role");
  EXPECT_EQ(levels.role_override["o"], "role");
  EXPECT_EQ(levels.environment_override["o"], "env");
  EXPECT_EQ(levels.level("nonsense"), nullptr);
}

TEST_F(ExpansionTest, OneRecipePinnedToTwoVersionsIsAConflict) {
  auto e = expand(R"(["recipe[a]","recipe[a@1.0.0]","recipe[b@1.0]","recipe[b@2.0]"])");
  EXPECT_EQ(e.recipes[0].with_version(), "a@1.0.0");
  EXPECT_EQ(e.version_conflicts, (std::vector<std::string>{"recipe[b@1.0] and recipe[b@2.0]"}));
}

TEST(CanonicalRecipe, QualifiesAndStripsVersions) {
  EXPECT_EQ(canonical_recipe("recipe[cb@1.0.0]"), "cb::default");
  EXPECT_EQ(canonical_recipe("cb::x"), "cb::x");
}

}  // namespace
}  // namespace proofbox::specs
