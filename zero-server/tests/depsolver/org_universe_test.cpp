#include "proofbox/zero/depsolver/org_universe.hpp"

#include <gtest/gtest.h>

#include "depsolver_test_support.hpp"
#include "proofbox/zero/depsolver/solve.hpp"

namespace proofbox::zero::depsolver {
namespace {

Json cookbook_version(const std::string& name, const std::string& version, Json dependencies) {
  return Json{{"name", name + "-" + version},
              {"cookbook_name", name},
              {"version", version},
              {"json_class", "Chef::CookbookVersion"},
              {"chef_type", "cookbook_version"},
              {"frozen?", false},
              {"all_files", Json::array()},
              {"metadata",
               {{"name", name}, {"version", version}, {"dependencies", std::move(dependencies)}}}};
}

void put(store::Org& org, const std::string& name, const std::string& version, Json deps) {
  org.collection("cookbooks/" + name)
      ->put(version, store::make_document(cookbook_version(name, version, std::move(deps)).dump()));
}

TEST(OrgUniverse, ReadsEveryCookbookVersionAndItsDependencies) {
  store::Org org("acme");
  put(org, "apache2", "1.0.0", Json::object());
  put(org, "apache2", "2.1.0", {{"iptables", "~> 1.0"}, {"logrotate", ">= 0.0.0"}});
  put(org, "iptables", "1.0.0", Json::object());
  put(org, "iptables", "1.4.2", Json::object());
  put(org, "iptables", "2.0.0", Json::object());
  org.collection("cookbook_artifacts/ignored");  // other kinds are not cookbooks
  Universe u = universe_from_org(org);
  EXPECT_TRUE(u.holds("apache2"));
  EXPECT_TRUE(u.holds("iptables"));
  EXPECT_FALSE(u.holds("logrotate"));
  EXPECT_FALSE(u.holds("ignored"));
  EXPECT_EQ(u.version_count(), 5U);

  // 2.1.0 needs logrotate, which the org lacks, so the older apache2 is the answer...
  EXPECT_EQ(testing::solved(solve(u, testing::request({"apache2"}))),
            (std::map<std::string, std::string>{{"apache2", "1.0.0"}}));
  // ...until logrotate is uploaded.
  put(org, "logrotate", "3.0.0", Json::object());
  EXPECT_EQ(testing::solved(solve(universe_from_org(org), testing::request({"apache2"}))),
            (std::map<std::string, std::string>{
                {"apache2", "2.1.0"}, {"iptables", "1.4.2"}, {"logrotate", "3.0.0"}}));
}

TEST(OrgUniverse, DependenciesOfToleratesOddDocuments) {
  EXPECT_TRUE(dependencies_of(Json()).empty());
  EXPECT_TRUE(dependencies_of(Json{{"metadata", "x"}}).empty());
  EXPECT_TRUE(dependencies_of(Json{{"metadata", {{"dependencies", Json::array()}}}}).empty());
  auto deps = dependencies_of(
      Json{{"metadata", {{"dependencies", {{"a", ">=1.0"}, {"b", 7}, {"c", "1.2"}}}}}});
  ASSERT_EQ(deps.size(), 3U);
  EXPECT_EQ(deps[0].cookbook, "a");
  EXPECT_EQ(deps[0].constraint, *model::parse_constraint(">= 1.0"));
  EXPECT_EQ(deps[1].constraint, model::kAnyVersion);
  EXPECT_EQ(deps[2].constraint, *model::parse_constraint("= 1.2"));
}

TEST(OrgUniverse, SkipsUnparsableVersionsAndDocuments) {
  store::Org org("acme");
  put(org, "a", "1.0.0", Json::object());
  org.collection("cookbooks/a")->put("not-a-version", store::make_document("{}"));
  org.collection("cookbooks/a")->put("2.0.0", store::make_document("{not json"));
  Universe u = universe_from_org(org);
  // The broken document still counts as a version without dependencies.
  EXPECT_EQ(u.version_count(), 2U);
  EXPECT_EQ(testing::solved(solve(u, testing::request({"a"})))["a"], "2.0.0");
}

}  // namespace
}  // namespace proofbox::zero::depsolver
