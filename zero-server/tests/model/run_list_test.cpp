#include "proofbox/zero/model/run_list.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model_test_support.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;

TEST(RunListItem, ParsesQualifiedRecipes) {
  auto i = parse_run_list_item("recipe[apache2]");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->type, RunListItemType::recipe);
  EXPECT_EQ(i->name, "apache2");
  EXPECT_FALSE(i->version);
  EXPECT_EQ(i->cookbook(), "apache2");
  EXPECT_EQ(i->recipe(), "default");

  i = parse_run_list_item("recipe[apache2::mod_ssl]");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->name, "apache2::mod_ssl");
  EXPECT_EQ(i->cookbook(), "apache2");
  EXPECT_EQ(i->recipe(), "mod_ssl");

  i = parse_run_list_item("recipe[apache2@1.2.3]");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->name, "apache2");
  EXPECT_EQ(i->version, "1.2.3");

  i = parse_run_list_item("recipe[apache2::mod_ssl@1.2]");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->name, "apache2::mod_ssl");
  EXPECT_EQ(i->version, "1.2");
  EXPECT_EQ(i->to_string(), "recipe[apache2::mod_ssl@1.2]");
}

TEST(RunListItem, ParsesRolesAndBareRecipes) {
  auto i = parse_run_list_item("role[web]");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->type, RunListItemType::role);
  EXPECT_EQ(i->name, "web");
  EXPECT_TRUE(i->is_role());
  EXPECT_EQ(i->to_string(), "role[web]");

  i = parse_run_list_item("nginx");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->type, RunListItemType::recipe);
  EXPECT_EQ(i->to_string(), "recipe[nginx]");

  i = parse_run_list_item("nginx::source@0.1.0");
  ASSERT_TRUE(i);
  EXPECT_EQ(i->name, "nginx::source");
  EXPECT_EQ(i->version, "0.1.0");
  EXPECT_EQ(i->to_string(), "recipe[nginx::source@0.1.0]");

  // Recipes named like the item types are legal.
  for (const char* odd :
       {"recipe", "recipe::foo", "recipe::bar@1.0.0", "role", "role::foo", "recipe[recipe]",
        "recipe[role]", "role[recipe]", "role[role]", "1", "recipe[1]", "role[1]"}) {
    EXPECT_TRUE(valid_run_list_item(odd)) << odd;
    EXPECT_TRUE(parse_run_list_item(odd)) << odd;
  }
}

TEST(RunListItem, RejectsMalformed) {
  for (const char* bad : {"",
                          "recipe[",
                          "recipe[]",
                          "role[]",
                          "recipe[foo",
                          "role[foo",
                          "node[gibberish]",
                          "[gibberish]#@$%",
                          "gibberish@1",
                          "recipe[gibberish@1]",
                          "role[gibberish@1.0]",
                          "role[a::b]",
                          "recipe[a::b::c]",
                          "a::",
                          "::a",
                          "a:b",
                          "recipe[a b]",
                          "a@1.2.3.4",
                          "a@1.x",
                          "a@",
                          "Recipe[foo]",
                          "roles[foo]",
                          "\xe6\xbc\xa2\xe5\xad\x97",
                          "recipe[\xe6\xbc\xa2]",
                          "recipe[foo]]",
                          "foo@1.0@2.0"}) {
    EXPECT_FALSE(valid_run_list_item(bad)) << bad;
    EXPECT_FALSE(parse_run_list_item(bad)) << bad;
  }
}

TEST(RunListItem, NormalizeItem) {
  EXPECT_EQ(normalize_run_list_item("foo::bar"), "recipe[foo::bar]");
  EXPECT_EQ(normalize_run_list_item("recipe[web]"), "recipe[web]");
  EXPECT_EQ(normalize_run_list_item("role[prod]"), "role[prod]");
  expect_chef_error([] { normalize_run_list_item("node[x]"); }, 400,
                    "Field 'run_list' is not a valid run list");
}

TEST(RunList, NormalizesQualifiesAndDedups) {
  EXPECT_EQ(normalize_run_list(Json::parse(
                R"(["foo", "foo::bar", "bar::baz@1.0.0", "recipe[web]", "role[prod]"])")),
            Json::parse(R"(["recipe[foo]", "recipe[foo::bar]", "recipe[bar::baz@1.0.0]",
                             "recipe[web]", "role[prod]"])"));
  // Exact duplicates after qualification go, first occurrence kept.
  EXPECT_EQ(normalize_run_list(
                Json::parse(R"(["webserver", "recipe[webserver]", "role[prod]", "role[prod]"])")),
            Json::parse(R"(["recipe[webserver]", "role[prod]"])"));
  // Semantic duplicates stay.
  EXPECT_EQ(normalize_run_list(Json::parse(R"(["webserver", "webserver::default"])")),
            Json::parse(R"(["recipe[webserver]", "recipe[webserver::default]"])"));
  // Versions make items distinct.
  EXPECT_EQ(normalize_run_list(Json::parse(R"(["a@1.0", "a", "recipe[a@1.0]"])")),
            Json::parse(R"(["recipe[a@1.0]", "recipe[a]"])"));
  EXPECT_EQ(normalize_run_list(Json::array()), Json::array());
}

TEST(RunList, RejectsWrongShapes) {
  for (const char* bad : {R"([1, 2, 3])", R"([[]])", R"(["string", []])", R"({})", R"("string")",
                          "1", "null", R"([""])", R"(["recipe["])", R"(["ok", "node[x]"])"}) {
    expect_chef_error([&] { normalize_run_list(Json::parse(bad)); }, 400,
                      "Field 'run_list' is not a valid run list");
  }
  expect_chef_error([] { normalize_run_list(Json(5), "prod"); }, 400,
                    "Field 'prod' is not a valid run list");
}

TEST(RunList, ParseRunList) {
  auto items = parse_run_list(Json::parse(R"(["a", "role[b]", "recipe[a]", "c::d@1.0"])"));
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0], (RunListItem{RunListItemType::recipe, "a", std::nullopt}));
  EXPECT_EQ(items[1], (RunListItem{RunListItemType::role, "b", std::nullopt}));
  EXPECT_EQ(items[2], (RunListItem{RunListItemType::recipe, "c::d", "1.0"}));
}

TEST(RunList, EnvRunLists) {
  EXPECT_EQ(normalize_env_run_lists(Json::parse(
                R"({"prod": ["foo", "recipe[foo]", "role[prod]", "role[prod]"], "dev": []})")),
            Json::parse(R"({"prod": ["recipe[foo]", "role[prod]"], "dev": []})"));
  EXPECT_EQ(normalize_env_run_lists(Json::object()), Json::object());
  expect_chef_error([] { normalize_env_run_lists(Json("This is clearly wrong")); }, 400,
                    "Field 'env_run_lists' contains invalid run lists");
  expect_chef_error(
      [] {
        normalize_env_run_lists(Json::parse(R"({"preprod": ["recipe[blah]"], "prod": [123]})"));
      },
      400, "Field 'env_run_lists' contains invalid run lists");
  expect_chef_error([] { normalize_env_run_lists(Json::parse(R"({"prod": "recipe[x]"})")); }, 400,
                    "Field 'env_run_lists' contains invalid run lists");
  expect_chef_error([] { normalize_env_run_lists(Json::parse(R"({"bad env": []})")); }, 400,
                    "Invalid key 'bad env' for env_run_lists");
  expect_chef_error([] { normalize_env_run_lists(Json::parse(R"({"a:b": []})")); }, 400,
                    "Invalid key 'a:b' for env_run_lists");
}

TEST(RunList, RecipesAndRolesForSearch) {
  const Json rl = Json::parse(R"(["recipe[a]", "role[r]", "recipe[b::c@1.0]", "role[s]"])");
  EXPECT_THAT(run_list_recipes(rl), ::testing::ElementsAre("a", "b::c@1.0"));
  EXPECT_THAT(run_list_roles(rl), ::testing::ElementsAre("r", "s"));
}

}  // namespace
}  // namespace proofbox::zero::model
