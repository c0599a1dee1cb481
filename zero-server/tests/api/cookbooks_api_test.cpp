// /cookbooks, /cookbooks/NAME, /cookbooks/_latest, /cookbooks/_recipes and /universe over HTTP
// (erchef chef_wm_cookbooks and chef_wm_universe; pedant cookbooks read_spec and
// named_filters_spec).
#include <gtest/gtest.h>

#include <string>

#include "cookbook_api_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

class CookbooksApiTest : public zt::OrgFormsApiTest {
 protected:
  void SetUp() override {
    zt::make_cookbook(api_, GetParam(), "my_cookbook", "1.0.0", {"monitoring", "security"});
    zt::make_cookbook(api_, GetParam(), "my_cookbook", "1.5.0", {"default", "users", "security"},
                      {{"apt", ">= 1.0"}, {"ntp", "~> 2.1"}});
    zt::make_cookbook(api_, GetParam(), "my_cookbook", "1.10.0", {"security", "default"});
    zt::make_cookbook(api_, GetParam(), "apt", "0.0.1", {"default"});
  }

  Json entry(const std::string& name, const std::vector<std::string>& versions) const {
    Json list = Json::array();
    for (const auto& v : versions) {
      list.push_back({{"version", v}, {"url", url("/cookbooks/" + name + "/" + v)}});
    }
    return Json{{"url", url("/cookbooks/" + name)}, {"versions", list}};
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, CookbooksApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(CookbooksApiTest, ListShowsNumVersionsNewestFirst) {
  EXPECT_EQ(
      api_.get(path("/cookbooks")).json(),
      Json({{"my_cookbook", entry("my_cookbook", {"1.10.0"})}, {"apt", entry("apt", {"0.0.1"})}}));
  EXPECT_EQ(api_.get(path("/cookbooks?num_versions=1")).json(),
            api_.get(path("/cookbooks")).json());
  EXPECT_EQ(api_.get(path("/cookbooks?num_versions=0")).json(),
            Json({{"my_cookbook", entry("my_cookbook", {})}, {"apt", entry("apt", {})}}));
  EXPECT_EQ(api_.get(path("/cookbooks?num_versions=2")).json()["my_cookbook"],
            entry("my_cookbook", {"1.10.0", "1.5.0"}));
  EXPECT_EQ(api_.get(path("/cookbooks?num_versions=all")).json()["my_cookbook"],
            entry("my_cookbook", {"1.10.0", "1.5.0", "1.0.0"}));
  for (const char* bad : {"-1", "", "foo", "1x"}) {
    zt::expect_error(api_.get(path("/cookbooks?num_versions=") + bad), 400,
                     "You have requested an invalid number of versions (x >= 0 || 'all')");
  }
}

TEST_P(CookbooksApiTest, OneCookbookListsAllItsVersions) {
  EXPECT_EQ(api_.get(path("/cookbooks/my_cookbook")).json(),
            Json({{"my_cookbook", entry("my_cookbook", {"1.10.0", "1.5.0", "1.0.0"})}}));
  zt::expect_error(api_.get(path("/cookbooks/your_cookbook")), 404,
                   "Cannot find a cookbook named your_cookbook");
}

TEST_P(CookbooksApiTest, LatestAndRecipes) {
  EXPECT_EQ(api_.get(path("/cookbooks/_latest")).json(),
            Json({{"my_cookbook", url("/cookbooks/my_cookbook/1.10.0")},
                  {"apt", url("/cookbooks/apt/0.0.1")}}));
  EXPECT_EQ(api_.get(path("/cookbooks/_recipes")).json(),
            Json::array({"apt", "my_cookbook", "my_cookbook::security"}));
}

TEST_P(CookbooksApiTest, EmptyOrg) {
  zt::ApiTestServer fresh;
  zt::ApiClient api(fresh.url());
  EXPECT_EQ(api.get(GetParam() + "/cookbooks").json(), Json::object());
  EXPECT_EQ(api.get(GetParam() + "/cookbooks/_latest").json(), Json::object());
  EXPECT_EQ(api.get(GetParam() + "/cookbooks/_recipes").json(), Json::array());
  EXPECT_EQ(api.get(GetParam() + "/universe").json(), Json::object());
}

TEST_P(CookbooksApiTest, UniverseHasEveryVersionWithDependencies) {
  Json universe = api_.get(path("/universe")).json();
  ASSERT_EQ(universe["my_cookbook"].size(), 3u);
  EXPECT_EQ(universe["my_cookbook"]["1.5.0"],
            Json({{"location_path", url("/cookbooks/my_cookbook/1.5.0")},
                  {"location_type", "chef_server"},
                  {"dependencies", {{"apt", ">= 1.0"}, {"ntp", "~> 2.1"}}}}));
  EXPECT_EQ(universe["my_cookbook"]["1.0.0"]["dependencies"], Json::object());
  EXPECT_EQ(universe["apt"], Json({{"0.0.1",
                                    {{"location_path", url("/cookbooks/apt/0.0.1")},
                                     {"location_type", "chef_server"},
                                     {"dependencies", Json::object()}}}}));
}

TEST_P(CookbooksApiTest, UniverseWritesBareVersionsAsEquality) {
  zt::make_cookbook(api_, GetParam(), "web", "2.0.0", {}, {{"apt", "0.0.1"}});
  EXPECT_EQ(api_.get(path("/universe")).json()["web"]["2.0.0"]["dependencies"],
            Json({{"apt", "= 0.0.1"}}));
}

}  // namespace
