// POST /environments/E/cookbook_versions over HTTP: the depsolver behind the endpoint chef-client
// calls before a converge. Shapes: erchef chef_wm_depsolver, pedant depsolver spec.
#include <gtest/gtest.h>

#include <string>

#include "api_test_support.hpp"
#include "cookbook_api_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

class DepsolverApiTest : public zt::OrgFormsApiTest {
 protected:
  // Uploads NAME at VERSION (v2 form, no files) depending on `deps` ({name: constraint}).
  void upload(const std::string& name, const std::string& version, Json deps = Json::object()) {
    auto r = api_.put(path("/cookbooks/" + name + "/" + version),
                      zt::cookbook_body(name, version, true, deps), zt::kV2);
    ASSERT_TRUE(r.status == 200 || r.status == 201) << r.body;
  }
  void create_environment(const std::string& name, Json pins) {
    auto r = api_.post(path("/environments"), Json{{"name", name}, {"cookbook_versions", pins}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  zt::ApiResponse solve(const std::string& env, Json run_list,
                        const std::vector<std::string>& headers = zt::kV2) {
    return api_.post(path("/environments/" + env + "/cookbook_versions"),
                     Json{{"run_list", std::move(run_list)}}, headers);
  }
  // name -> version of a successful answer.
  static std::map<std::string, std::string> versions(const zt::ApiResponse& r) {
    std::map<std::string, std::string> out;
    const Json body = r.json();
    for (auto it = body.begin(); it != body.end(); ++it) {
      out[it.key()] = it->value("version", "(none) " + it->dump());
    }
    return out;
  }
};

TEST_P(DepsolverApiTest, SolvesTransitivelyPreferringNewestVersions) {
  upload("base", "1.0.0");
  upload("base", "2.0.0");
  upload("web", "1.0.0", {{"base", "< 2.0.0"}});
  upload("web", "1.1.0", {{"base", ">= 1.0.0"}});
  auto r = solve("_default", {"recipe[web::server]"});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(versions(r), (std::map<std::string, std::string>{{"web", "1.1.0"}, {"base", "2.0.0"}}));
}

TEST_P(DepsolverApiTest, EnvironmentPinsAndRunListPinsRestrictTheChoice) {
  upload("base", "1.0.0");
  upload("base", "2.0.0");
  upload("web", "1.0.0", {{"base", ">= 1.0.0"}});
  upload("web", "1.1.0", {{"base", ">= 1.0.0"}});
  create_environment("prod", {{"base", "~> 1.0"}});
  auto r = solve("prod", {"web@1.0.0"});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(versions(r), (std::map<std::string, std::string>{{"web", "1.0.0"}, {"base", "1.0.0"}}));
}

TEST_P(DepsolverApiTest, AnswersEachCookbookAsTheCookbookVersionEndpointDoes) {
  upload("web", "1.0.0");
  auto solved = solve("_default", {"web"}, zt::kV2);
  auto direct = api_.get(path("/cookbooks/web/1.0.0"), zt::kV2);
  ASSERT_EQ(solved.status, 200) << solved.body;
  EXPECT_EQ(solved.json()["web"], direct.json());
  // API v0 clients get the segment form.
  auto v0 = solve("_default", {"web"}, zt::kV0);
  ASSERT_EQ(v0.status, 200) << v0.body;
  EXPECT_FALSE(v0.json()["web"].contains("all_files"));
  EXPECT_TRUE(v0.json()["web"].contains("recipes"));
}

TEST_P(DepsolverApiTest, EmptyRunListSolvesToNothing) {
  auto r = solve("_default", Json::array());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json(), Json::object());
}

TEST_P(DepsolverApiTest, MissingCookbookIs412NamingIt) {
  upload("web", "1.0.0");
  auto r = solve("_default", {"web", "nosuch"});
  ASSERT_EQ(r.status, 412) << r.body;
  const Json body = r.json();
  ASSERT_TRUE(body["error"].is_array()) << r.body;
  const Json& detail = body["error"][0];
  EXPECT_EQ(detail["non_existent_cookbooks"], Json::array({"nosuch"}));
  EXPECT_EQ(detail["message"], "Run list contains invalid items: no such cookbook nosuch.");
}

TEST_P(DepsolverApiTest, UnsatisfiableDependencyIs412WithThePath) {
  upload("base", "1.0.0");
  upload("web", "1.0.0", {{"base", ">= 2.0.0"}});
  auto r = solve("_default", {"web"});
  ASSERT_EQ(r.status, 412) << r.body;
  const Json body = r.json();
  ASSERT_TRUE(body["error"].is_array()) << r.body;
  const Json& detail = body["error"][0];
  EXPECT_EQ(detail["unsatisfiable_run_list_item"], "(web >= 0.0.0)");
  EXPECT_NE(detail["message"].get<std::string>().find("base"), std::string::npos) << r.body;
}

TEST_P(DepsolverApiTest, UnknownEnvironmentIs404) {
  zt::expect_error(solve("nosuch", {"web"}), 404, "Cannot load environment nosuch");
}

TEST_P(DepsolverApiTest, MalformedRunListIs400) {
  const std::string message = "Field 'run_list' is not a valid run list";
  zt::expect_error(api_.post(path("/environments/_default/cookbook_versions"), Json::object()), 400,
                   message);
  zt::expect_error(solve("_default", Json::array({42})), 400, message);
  zt::expect_error(solve("_default", {"web@not_a_version"}), 400, message);
}

INSTANTIATE_TEST_SUITE_P(Forms, DepsolverApiTest, zt::org_forms(), zt::org_form_name);

}  // namespace
