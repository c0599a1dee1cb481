#include "proofbox/backup/diff.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/sample_chef_data.hpp"

namespace proofbox::backup {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const KindDiff& kind_of(const DiffResult& diff, const std::string& kind) {
  for (const auto& k : diff.kinds) {
    if (k.kind == kind) return k;
  }
  throw std::runtime_error("kind not compared: " + kind);
}

TEST(Diff, IdenticalDataIsTheSame) {
  const ChefData a = testing::sample_chef_data();
  const DiffResult diff = diff_chef_data(a, a);
  EXPECT_TRUE(diff.same());
  EXPECT_EQ(diff.difference_count(), 0u);
  EXPECT_THAT(diff.not_compared, IsEmpty());
  EXPECT_EQ(diff.kinds.size(), 11u);  // every kind, data bags as bags and items
}

TEST(Diff, NamesOnlyInAOnlyInBAndChanged) {
  ChefData a = testing::sample_chef_data();
  ChefData b = a;
  a.nodes["gone"] = Json{{"name", "gone"}};
  b.nodes["new"] = Json{{"name", "new"}};
  b.nodes["web01"]["run_list"] = {"role[web]", "role[monitoring]"};
  b.nodes["web01"]["normal"]["app"] = {{"port", 8080}};
  const DiffResult diff = diff_chef_data(a, b);
  EXPECT_FALSE(diff.same());
  const KindDiff& nodes = kind_of(diff, "nodes");
  EXPECT_THAT(nodes.only_in_a, ElementsAre("gone"));
  EXPECT_THAT(nodes.only_in_b, ElementsAre("new"));
  ASSERT_EQ(nodes.changed.size(), 1u);
  EXPECT_EQ(nodes.changed[0].name, "web01");
  EXPECT_THAT(nodes.changed[0].differences, ElementsAre("/normal/app", "/run_list"));
  EXPECT_EQ(diff.difference_count(), 3u);
  EXPECT_TRUE(kind_of(diff, "roles").empty());
}

TEST(Diff, DataBagsAndTheirItems) {
  ChefData a = testing::sample_chef_data();
  ChefData b = a;
  b.data_bags.erase("empty");
  b.data_bags["users"]["bob"]["shell"] = "/bin/bash";
  b.data_bags["users"]["carol"] = Json{{"id", "carol"}};
  const DiffResult diff = diff_chef_data(a, b);
  EXPECT_THAT(kind_of(diff, "data_bags").only_in_a, ElementsAre("empty"));
  const KindDiff& items = kind_of(diff, "data_bag_items");
  EXPECT_THAT(items.only_in_b, ElementsAre("users/carol"));
  ASSERT_EQ(items.changed.size(), 1u);
  EXPECT_EQ(items.changed[0].name, "users/bob");
  EXPECT_THAT(items.changed[0].differences, ElementsAre("/shell"));
}

TEST(Diff, CookbookFilesByPath) {
  ChefData a = testing::sample_chef_data();
  ChefData b = a;
  Json& files = b.cookbooks["apache2-1.0.0"]["all_files"];
  files[0] = testing::cookbook_file(b, "recipes/default.rb", "recipes/default.rb", "changed\n");
  files.erase(1);  // metadata.rb
  files.push_back(testing::cookbook_file(b, "recipes/extra.rb", "recipes/extra.rb", "x\n"));
  const DiffResult diff = diff_chef_data(a, b);
  const KindDiff& cookbooks = kind_of(diff, "cookbooks");
  ASSERT_EQ(cookbooks.changed.size(), 1u);
  EXPECT_THAT(cookbooks.changed[0].differences,
              ElementsAre("file metadata.rb (only in A)", "file recipes/default.rb (changed)",
                          "file recipes/extra.rb (only in B)"));
}

TEST(Diff, ClientFieldsOneServerKindDoesNotKeepAreNotDifferences) {
  ChefData a, b;
  a.described = b.described = {"clients"};
  a.clients["web"] = Json{{"name", "web"}, {"validator", false}, {"admin", true}};
  b.clients["web"] = Json{{"name", "web"}, {"validator", false}, {"clientname", "web"}};
  EXPECT_TRUE(diff_chef_data(a, b).same());
  // Present on both sides, they are compared like any field.
  b.clients["web"]["admin"] = false;
  EXPECT_FALSE(diff_chef_data(a, b).same());
  b.clients["web"].erase("admin");
  b.clients["web"]["validator"] = true;
  EXPECT_FALSE(diff_chef_data(a, b).same());
}

TEST(Diff, IgnoresFileUrls) {
  ChefData a = testing::sample_chef_data();
  ChefData b = a;
  a.cookbooks["apache2-1.0.0"]["all_files"][0]["url"] = "https://a.example.test/x?sig=1";
  b.cookbooks["apache2-1.0.0"]["all_files"][0]["url"] = "https://b.example.test/x?sig=2";
  b.cookbook_artifacts["apache2-0123abcd"]["all_files"][0]["url"] = "https://b.example.test/y";
  EXPECT_TRUE(diff_chef_data(a, b).same());
}

TEST(Diff, IgnoresTheBuiltInDefaultEnvironmentWhenOneSideLacksIt) {
  ChefData a = testing::sample_chef_data();
  ChefData b = a;
  b.environments.erase("_default");
  EXPECT_TRUE(diff_chef_data(a, b).same());
  // ...but when both have it, a change to it counts.
  b = a;
  b.environments["_default"]["description"] = "edited";
  EXPECT_EQ(kind_of(diff_chef_data(a, b), "environments").changed.size(), 1u);
}

TEST(Diff, AnUnknownPublicKeyIsNotADifference) {
  ChefData a = testing::sample_chef_data();
  ChefData b = a;
  b.clients["web01"].erase("public_key");
  EXPECT_TRUE(diff_chef_data(a, b).same());
  b.clients["web01"]["public_key"] = "-----BEGIN PUBLIC KEY-----\nother\n";
  EXPECT_FALSE(diff_chef_data(a, b).same());
}

TEST(Diff, OnlyKindsBothSidesDescribe) {
  ChefData server = testing::sample_chef_data();
  ChefData repo;
  repo.described = {"roles", "environments", "data_bags", "cookbooks"};
  repo.roles = server.roles;
  repo.environments = server.environments;
  repo.data_bags = server.data_bags;
  repo.cookbooks = server.cookbooks;
  const DiffResult diff = diff_chef_data(server, repo);
  EXPECT_TRUE(diff.same()) << format_diff_human(diff, "server", "repo");
  EXPECT_THAT(diff.not_compared, ElementsAre("users", "clients", "cookbook_artifacts", "policies",
                                             "policy_groups", "nodes"));
}

TEST(Diff, HumanOutput) {
  ChefData a = testing::sample_chef_data();
  ChefData b = a;
  b.roles["db"] = Json{{"name", "db"}};
  b.roles["web"]["run_list"] = Json::array();
  const std::string text = format_diff_human(diff_chef_data(a, b), "snap-a", "snap-b");
  EXPECT_THAT(text, HasSubstr("roles: 0 only in A, 1 only in B, 1 changed\n"));
  EXPECT_THAT(text, HasSubstr("  + db\n"));
  EXPECT_THAT(text, HasSubstr("  ~ web: /run_list\n"));
  EXPECT_THAT(text, HasSubstr("A = snap-a\nB = snap-b\n"));
  EXPECT_THAT(text, HasSubstr("differ: 2 differences in 1 kind\n"));
  EXPECT_THAT(format_diff_human(diff_chef_data(a, a), "x", "y"), HasSubstr("same: no differences"));
}

TEST(Diff, JsonOutput) {
  ChefData a = testing::sample_chef_data();
  ChefData b = a;
  a.policies["old-1"] = Json{{"name", "old"}};
  b.nodes["web01"]["chef_environment"] = "staging";
  const Json out = format_diff_json(diff_chef_data(a, b), "A.tgz", "B.tgz");
  EXPECT_EQ(out["same"], false);
  EXPECT_EQ(out["differences"], 2);
  EXPECT_EQ(out["a"], "A.tgz");
  EXPECT_EQ(out["kinds"]["policies"]["only_in_a"], Json{"old-1"});
  EXPECT_EQ(out["kinds"]["nodes"]["changed"]["web01"], Json{"/chef_environment"});
  EXPECT_FALSE(out["kinds"].contains("roles"));
  EXPECT_EQ(out["not_compared"], Json::array());
}

TEST(Diff, PointersEscapeSlashesInKeys) {
  ChefData a;
  a.described = {"roles"};
  ChefData b = a;
  a.roles["r"] = Json{{"default_attributes", {{"a/b", 1}}}};
  b.roles["r"] = Json{{"default_attributes", {{"a/b", 2}}}};
  EXPECT_THAT(kind_of(diff_chef_data(a, b), "roles").changed[0].differences,
              ElementsAre("/default_attributes/a~1b"));
}

}  // namespace
}  // namespace proofbox::backup
