// /cookbooks/NAME/VERSION over HTTP (erchef chef_wm_cookbook_version, pedant cookbooks
// create/read/update/delete specs): both manifest forms, version rules, frozen cookbooks,
// _latest, missing files and the not-found answers.
#include <gtest/gtest.h>

#include <string>

#include "cookbook_api_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

class CookbookVersionsApiTest : public zt::OrgFormsApiTest {
 protected:
  std::string cb(const std::string& rest) const { return path("/cookbooks/" + rest); }
};

INSTANTIATE_TEST_SUITE_P(Forms, CookbookVersionsApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(CookbookVersionsApiTest, CreateAnswersTheBodyThenUpdateIs200) {
  Json body = zt::cookbook_body("apt", "1.2.3", false);
  auto created = api_.put(cb("apt/1.2.3"), body, zt::kV0);
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), body);
  body["metadata"]["description"] = "changed";
  auto updated = api_.put(cb("apt/1.2.3"), body, zt::kV0);
  EXPECT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(api_.get(cb("apt/1.2.3"), zt::kV0).json()["metadata"]["description"], "changed");
}

TEST_P(CookbookVersionsApiTest, MinimalBodyGetsDefaults) {
  Json minimal = {
      {"name", "apt-1.0.0"}, {"cookbook_name", "apt"}, {"metadata", {{"version", "1.0.0"}}}};
  auto r = api_.put(cb("apt/1.0.0"), minimal, zt::kV0);
  ASSERT_EQ(r.status, 201) << r.body;
  Json got = api_.get(cb("apt/1.0.0"), zt::kV0).json();
  EXPECT_EQ(got["json_class"], "Chef::CookbookVersion");
  EXPECT_EQ(got["chef_type"], "cookbook_version");
  EXPECT_EQ(got["frozen?"], false);
  for (const char* segment : {"attributes", "definitions", "files", "libraries", "providers",
                              "recipes", "resources", "root_files", "templates"}) {
    EXPECT_EQ(got[segment], Json::array()) << segment;
  }
  EXPECT_EQ(api_.get(cb("apt/1.0.0"), zt::kV2).json()["all_files"], Json::array());
}

TEST_P(CookbookVersionsApiTest, FormFollowsTheServerApiVersion) {
  const std::string sum = zt::upload_files(api_, GetParam(), {"package 'apt'\n"})[0];
  Json v0 = zt::cookbook_body("apt", "1.0.0", false);
  zt::add_recipe(v0, "default.rb", sum);
  ASSERT_EQ(api_.put(cb("apt/1.0.0"), v0, zt::kV0).status, 201);

  Json as_v0 = api_.get(cb("apt/1.0.0"), zt::kV0).json();
  ASSERT_EQ(as_v0["recipes"].size(), 1u);
  EXPECT_EQ(as_v0["recipes"][0]["name"], "default.rb");
  EXPECT_EQ(as_v0["recipes"][0]["url"], url("/file_store/checksums/" + sum));
  EXPECT_FALSE(as_v0.contains("all_files"));
  EXPECT_EQ(api_.get(cb("apt/1.0.0"), zt::kV1).json(), as_v0);

  Json as_v2 = api_.get(cb("apt/1.0.0"), zt::kV2).json();
  EXPECT_FALSE(as_v2.contains("recipes"));
  ASSERT_EQ(as_v2["all_files"].size(), 1u);
  EXPECT_EQ(as_v2["all_files"][0], Json({{"name", "recipes/default.rb"},
                                         {"path", "recipes/default.rb"},
                                         {"checksum", sum},
                                         {"specificity", "default"},
                                         {"url", url("/file_store/checksums/" + sum)}}));
  EXPECT_EQ(as_v2["metadata"], v0["metadata"]);  // dependencies and all kept

  // A v2 body is the wrong form for API 0 and a v0 body for API 2, as on the real server.
  zt::expect_error(api_.put(cb("apt/1.0.0"), zt::cookbook_body("apt", "1.0.0", true), zt::kV0), 400,
                   "Invalid key all_files in request body");
  zt::expect_error(api_.put(cb("apt/1.0.0"), zt::cookbook_body("apt", "1.0.0", false), zt::kV2),
                   400, "Invalid key recipes in request body");
}

TEST_P(CookbookVersionsApiTest, InvalidVersionsAndNames) {
  Json body = zt::cookbook_body("apt", "1.2.3", false);
  for (const std::string bad : {"abc", "1.2.-42", "1", "1.2.3.4", "1.2.9223372036854775849"}) {
    zt::expect_error(api_.put(cb("apt/" + bad), body, zt::kV0), 400,
                     "Invalid cookbook version '" + bad + "'.");
    zt::expect_error(api_.get(cb("apt/" + bad)), 400, "Invalid cookbook version '" + bad + "'.");
    zt::expect_error(api_.del(cb("apt/" + bad)), 400, "Invalid cookbook version '" + bad + "'.");
  }
  Json big = zt::cookbook_body("apt", "1.2.2147483669", false);
  EXPECT_EQ(api_.put(cb("apt/1.2.2147483669"), big, zt::kV0).status, 201);
  zt::expect_error(api_.put(cb("first@second/1.2.3"), Json::object(), zt::kV0), 400,
                   "Invalid cookbook name 'first@second' using regex: 'Malformed cookbook name. "
                   "Must only contain A-Z, a-z, 0-9, _, . or -'.");
  zt::expect_error(api_.put(cb("apt/0.0.1"), body, zt::kV0), 400, "Field 'name' invalid");
  Json bad_dep = zt::cookbook_body("apt", "1.2.3", false, {{"apt", "> 1"}});
  zt::expect_error(api_.put(cb("apt/1.2.3"), bad_dep, zt::kV0), 400,
                   "Invalid value '> 1' for metadata.dependencies");
  EXPECT_EQ(api_.get(cb("apt/1.2.3")).status, 404);  // nothing stored by the failures
}

TEST_P(CookbookVersionsApiTest, TwoPartVersionIsTheSameVersion) {
  Json body = zt::cookbook_body("apt", "1.2", false);
  ASSERT_EQ(api_.put(cb("apt/1.2"), body, zt::kV0).status, 201);
  EXPECT_EQ(api_.get(cb("apt/1.2.0")).status, 200);
  EXPECT_EQ(api_.get(cb("apt/1.2")).json()["name"], "apt-1.2");
  EXPECT_EQ(api_.get(path("/cookbooks/apt")).json()["apt"]["versions"][0]["version"], "1.2.0");
}

TEST_P(CookbookVersionsApiTest, MissingAnswers404) {
  zt::expect_error(api_.get(cb("apt/1.0.0")), 404,
                   "Cannot find a cookbook named apt with version 1.0.0");
  zt::expect_error(api_.get(cb("apt/_latest")), 404,
                   "Cannot find a cookbook named apt with version _latest");
  zt::expect_error(api_.del(cb("apt/1.0.0")), 404,
                   "Cannot find a cookbook named apt with version 1.0.0");
  zt::make_cookbook(api_, GetParam(), "apt", "1.0.0");
  zt::expect_error(api_.get(cb("apt/2.0.0")), 404,
                   "Cannot find a cookbook named apt with version 2.0.0");
}

TEST_P(CookbookVersionsApiTest, FileNotUploadedIsRefused) {
  Json body = zt::cookbook_body("apt", "1.0.0", true);
  zt::add_recipe(body, "default.rb", "8288b67da0793b5abec709d6226e6b73");
  zt::expect_error(api_.put(cb("apt/1.0.0"), body, zt::kV2), 400,
                   "Manifest has a checksum that hasn't been uploaded.");
  EXPECT_EQ(api_.get(cb("apt/1.0.0")).status, 404);
}

TEST_P(CookbookVersionsApiTest, FrozenNeedsForceAndStaysFrozen) {
  Json body = zt::cookbook_body("apt", "1.0.0", false);
  body["frozen?"] = true;
  ASSERT_EQ(api_.put(cb("apt/1.0.0"), body, zt::kV0).status, 201);
  body["frozen?"] = false;
  body["metadata"]["description"] = "new";
  zt::expect_error(
      api_.put(cb("apt/1.0.0"), body, zt::kV0), 409,
      "The cookbook apt at version 1.0.0 is frozen. Use the 'force' option to override.");
  zt::expect_error(
      api_.put(cb("apt/1.0.0?force=false"), body, zt::kV0), 409,
      "The cookbook apt at version 1.0.0 is frozen. Use the 'force' option to override.");
  EXPECT_EQ(api_.get(cb("apt/1.0.0")).json()["metadata"]["description"], "A fabulous new cookbook");

  auto forced = api_.put(cb("apt/1.0.0?force=true"), body, zt::kV0);
  ASSERT_EQ(forced.status, 200) << forced.body;
  EXPECT_EQ(forced.json()["frozen?"], true);
  Json got = api_.get(cb("apt/1.0.0")).json();
  EXPECT_EQ(got["frozen?"], true);
  EXPECT_EQ(got["metadata"]["description"], "new");
}

TEST_P(CookbookVersionsApiTest, LatestIsTheHighestVersion) {
  for (const char* v : {"1.9.0", "1.10.0", "1.2.0"}) zt::make_cookbook(api_, GetParam(), "apt", v);
  EXPECT_EQ(api_.get(cb("apt/_latest")).json()["version"], "1.10.0");
  EXPECT_EQ(api_.get(cb("apt/latest")).json()["version"], "1.10.0");
  auto removed = api_.del(cb("apt/_latest"));
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.json()["version"], "1.10.0");
  EXPECT_EQ(api_.get(cb("apt/latest")).json()["version"], "1.9.0");
}

TEST_P(CookbookVersionsApiTest, DeleteAnswersTheVersionAndRemovesIt) {
  zt::make_cookbook(api_, GetParam(), "apt", "1.0.0", {"default"});
  auto removed = api_.del(cb("apt/1.0.0"), zt::kV2);
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.json()["name"], "apt-1.0.0");
  EXPECT_EQ(removed.json()["all_files"].size(), 1u);
  EXPECT_EQ(api_.get(cb("apt/1.0.0")).status, 404);
  zt::expect_error(api_.get(path("/cookbooks/apt")), 404, "Cannot find a cookbook named apt");
  EXPECT_EQ(api_.get(path("/cookbooks")).json(), Json::object());
  EXPECT_EQ(api_.request("POST", cb("apt/1.0.0"), "{}").status, 405);
}

}  // namespace
