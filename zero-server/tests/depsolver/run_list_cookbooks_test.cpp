#include <gtest/gtest.h>

#include "proofbox/zero/depsolver/solve.hpp"

namespace proofbox::zero::depsolver {
namespace {

TEST(RunListCookbooks, ReducesEveryRecipeFormToItsCookbook) {
  auto items =
      run_list_cookbooks({"recipe[apache2]", "recipe[nginx::ssl]", "mysql", "php::fpm",
                          "recipe[redis@1.2.0]", "memcached@2.0", "recipe[java::jdk@8.1.2]"});
  ASSERT_TRUE(items);
  ASSERT_EQ(items->size(), 7U);
  EXPECT_EQ((*items)[0], (RunListCookbook{"apache2", std::nullopt, ""}));
  EXPECT_EQ((*items)[1].cookbook, "nginx");
  EXPECT_EQ((*items)[2].cookbook, "mysql");
  EXPECT_EQ((*items)[3].cookbook, "php");
  EXPECT_EQ((*items)[4], (RunListCookbook{"redis", Version{1, 2, 0}, "1.2.0"}));
  EXPECT_EQ((*items)[5], (RunListCookbook{"memcached", Version{2, 0, 0}, "2.0"}));
  EXPECT_EQ((*items)[6], (RunListCookbook{"java", Version{8, 1, 2}, "8.1.2"}));
}

TEST(RunListCookbooks, DropsExactDuplicatesKeepingTheFirst) {
  // erchef remove_dups works on (cookbook, version) after the recipe part is gone.
  auto items = run_list_cookbooks({"b", "a::x", "a::y", "recipe[b]", "a@1.0", "a@1.0.0", "a@1.0"});
  ASSERT_TRUE(items);
  ASSERT_EQ(items->size(), 4U);
  EXPECT_EQ((*items)[0].cookbook, "b");
  EXPECT_EQ((*items)[1], (RunListCookbook{"a", std::nullopt, ""}));
  EXPECT_EQ((*items)[2].version_text, "1.0");
  EXPECT_EQ((*items)[3].version_text, "1.0.0");
}

TEST(RunListCookbooks, KeepsRoleItemsWholeAndRejectsBadPins) {
  auto items = run_list_cookbooks({"role[web]"});
  ASSERT_TRUE(items);
  EXPECT_EQ((*items)[0].cookbook, "role[web]");
  EXPECT_FALSE(run_list_cookbooks({"a@1"}));
  EXPECT_FALSE(run_list_cookbooks({"recipe[a@latest]"}));
}

TEST(EnvironmentPins, ReadsValidConstraintsAndSkipsTheRest) {
  Json cv = {{"apache2", "~> 1.2"}, {"bad", ">=1.0"}, {"num", 3}, {"nginx", "= 2.0.0"}};
  auto pins = environment_pins(cv);
  ASSERT_EQ(pins.size(), 2U);
  EXPECT_EQ(pins[0].first, "apache2");
  EXPECT_EQ(pins[0].second, *model::parse_constraint("~> 1.2"));
  EXPECT_EQ(pins[1].first, "nginx");
  EXPECT_TRUE(environment_pins(Json::array()).empty());
}

}  // namespace
}  // namespace proofbox::zero::depsolver
