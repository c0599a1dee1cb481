// /environments/E/cookbooks, /environments/E/cookbooks/NAME and /environments/E/recipes over HTTP
// (erchef chef_wm_environment_cookbooks / chef_wm_environment_recipes; pedant environments
// cookbooks_spec, single_cookbook_spec and recipes_spec).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "cookbook_api_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

class EnvironmentCookbooksApiTest : public zt::OrgFormsApiTest {
 protected:
  void SetUp() override {
    for (const char* v : {"1.0.0", "2.0.0", "3.0.0"})
      zt::make_cookbook(api_, GetParam(), "one", v, {"a"});
    for (const char* v : {"1.0.0", "1.2.0", "1.2.5"})
      zt::make_cookbook(api_, GetParam(), "two", v, {"default"});
    for (const char* v : {"0.0.1", "0.5.0", "1.0.0"})
      zt::make_cookbook(api_, GetParam(), "three", v);
    zt::make_cookbook(api_, GetParam(), "one", "0.1.0", {"old"});
    set_constraints(Json::object());
  }

  void set_constraints(const Json& constraints) {
    auto r = api_.put(path("/environments/test_env"),
                      Json{{"name", "test_env"}, {"cookbook_versions", constraints}});
    if (r.status == 404) {
      r = api_.post(path("/environments"),
                    Json{{"name", "test_env"}, {"cookbook_versions", constraints}});
    }
    ASSERT_LT(r.status, 300) << r.body;
  }

  // {NAME: {"url", "versions"}} for the expected versions of each cookbook.
  Json expected(const std::map<std::string, std::vector<std::string>>& spec) const {
    Json out = Json::object();
    for (const auto& [name, versions] : spec) {
      Json list = Json::array();
      for (const auto& v : versions)
        list.push_back({{"url", url("/cookbooks/" + name + "/" + v)}, {"version", v}});
      out[name] = {{"url", url("/cookbooks/" + name)}, {"versions", list}};
    }
    return out;
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, EnvironmentCookbooksApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(EnvironmentCookbooksApiTest, WithoutConstraintsLatestByDefault) {
  const Json latest = expected({{"one", {"3.0.0"}}, {"two", {"1.2.5"}}, {"three", {"1.0.0"}}});
  EXPECT_EQ(api_.get(path("/environments/test_env/cookbooks")).json(), latest);
  EXPECT_EQ(api_.get(path("/environments/_default/cookbooks")).json(), latest);
  EXPECT_EQ(api_.get(path("/environments/test_env/cookbooks?num_versions=all")).json(),
            expected({{"one", {"3.0.0", "2.0.0", "1.0.0", "0.1.0"}},
                      {"two", {"1.2.5", "1.2.0", "1.0.0"}},
                      {"three", {"1.0.0", "0.5.0", "0.0.1"}}}));
  zt::expect_error(api_.get(path("/environments/test_env/cookbooks?num_versions=skittles")), 400,
                   "You have requested an invalid number of versions (x >= 0 || 'all')");
  zt::expect_error(api_.get(path("/environments/bad_env/cookbooks")), 404,
                   "Cannot load environment bad_env");
}

TEST_P(EnvironmentCookbooksApiTest, ConstraintsFilterVersions) {
  set_constraints({{"one", "> 1.0.0"}, {"two", "< 1.2.3"}});
  EXPECT_EQ(api_.get(path("/environments/test_env/cookbooks?num_versions=2")).json(),
            expected({{"one", {"3.0.0", "2.0.0"}},
                      {"two", {"1.2.0", "1.0.0"}},
                      {"three", {"1.0.0", "0.5.0"}}}));
  EXPECT_EQ(api_.get(path("/environments/test_env/cookbooks?num_versions=0")).json(),
            expected({{"one", {}}, {"two", {}}, {"three", {}}}));
  set_constraints({{"one", "= 1.0.0"}, {"two", "~> 1.2"}, {"three", "> 5.0"}});
  EXPECT_EQ(api_.get(path("/environments/test_env/cookbooks")).json(),
            expected({{"one", {"1.0.0"}}, {"two", {"1.2.5"}}, {"three", {}}}));
}

TEST_P(EnvironmentCookbooksApiTest, OneCookbookAllAllowedVersionsByDefault) {
  set_constraints({{"one", ">= 1.0.0"}});
  EXPECT_EQ(api_.get(path("/environments/test_env/cookbooks/one")).json(),
            expected({{"one", {"3.0.0", "2.0.0", "1.0.0"}}}));
  EXPECT_EQ(api_.get(path("/environments/test_env/cookbooks/one?num_versions=1")).json(),
            expected({{"one", {"3.0.0"}}}));
  zt::expect_error(api_.get(path("/environments/test_env/cookbooks/nope")), 404,
                   "Cannot find a cookbook named nope");
  zt::expect_error(api_.get(path("/environments/bad_env/cookbooks/one")), 404,
                   "Cannot load environment bad_env");
}

TEST_P(EnvironmentCookbooksApiTest, RecipesOfTheNewestAllowedVersions) {
  EXPECT_EQ(api_.get(path("/environments/test_env/recipes")).json(),
            Json::array({"one::a", "two"}));
  set_constraints({{"one", "< 1.0"}});
  EXPECT_EQ(api_.get(path("/environments/test_env/recipes")).json(),
            Json::array({"one::old", "two"}));
  set_constraints({{"one", "> 9.0"}, {"two", "> 9.0"}});
  EXPECT_EQ(api_.get(path("/environments/test_env/recipes")).json(), Json::array());
  zt::expect_error(api_.get(path("/environments/bad_env/recipes")), 404,
                   "Cannot load environment bad_env");
}

}  // namespace
