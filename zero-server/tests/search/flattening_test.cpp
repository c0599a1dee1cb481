// How nodes and data bag items become searchable fields: attribute precedence, nested keys
// joined with `_`, leaf names, intermediate keys, run list entries.
#include <gtest/gtest.h>

#include "proofbox/zero/search/documents.hpp"
#include "proofbox/zero/search/flatten.hpp"
#include "search_test_support.hpp"

namespace proofbox::zero::testing {
namespace {

class FlatteningTest : public FleetTest {};

TEST_F(FlatteningTest, NestedKeysJoinWithUnderscore) {
  EXPECT_EQ(names("languages_ruby_version:3.1.2"), Names{"web1"});
  EXPECT_EQ(names("memory_total:2048kB"), Names{"app-1"});
  EXPECT_EQ(names("languages_ruby_version:3.11"), Names{});
}

TEST_F(FlatteningTest, LeafNamesAreSearchableOnTheirOwn) {
  EXPECT_EQ(names("version:3.1.2"), Names{"web1"});
  EXPECT_EQ(names("version:3.11"), Names{"web2"});
  EXPECT_EQ(names("total:2048kB"), Names{"app-1"});
}

TEST_F(FlatteningTest, IntermediateKeysAnswerPresenceQueries) {
  EXPECT_EQ(names("languages_ruby:*"), Names{"web1"});
  EXPECT_EQ(names("languages:*"), (Names{"web1", "web2"}));
  EXPECT_EQ(names("ruby:*"), Names{"web1"});
  EXPECT_EQ(names("languages_perl:*"), Names{});
}

TEST_F(FlatteningTest, AttributePrecedenceDefaultNormalOverrideAutomatic) {
  EXPECT_EQ(names("postgresql_port:6432"), Names{"db1"});  // override beats default
  EXPECT_EQ(names("postgresql_port:5432"), Names{});
  EXPECT_EQ(names("postgresql_ssl:false"), Names{"db1"});  // default kept where not overridden

  put(make_node("layered", "_default", Json::array(), {{"level", "automatic"}},
                {{"level", "normal"}, {"only_normal", "n"}}, {{"level", "default"}},
                {{"level", "override"}}));
  EXPECT_EQ(names("level:automatic"), Names{"layered"});
  EXPECT_EQ(names("level:override OR level:normal OR level:default"), Names{});
  EXPECT_EQ(names("only_normal:n"), Names{"layered"});
}

TEST_F(FlatteningTest, NumbersAndBooleansAsText) {
  EXPECT_EQ(names("port:80"), Names{"web1"});
  EXPECT_EQ(names("normal_port:80"), Names{});  // attribute levels are merged away
}

TEST_F(FlatteningTest, RunListGivesRecipeAndRole) {
  EXPECT_EQ(names("recipe:nginx"), Names{"web1"});
  EXPECT_EQ(names("role:web"), (Names{"web1", "web2"}));
  EXPECT_EQ(names("role:app"), (Names{"web2", "app-1"}));
  EXPECT_EQ(names("recipe:postgresql\\:\\:server"), Names{"db1"});
  EXPECT_EQ(names("run_list:role\\[app\\]"), (Names{"web2", "app-1"}));
}

TEST_F(FlatteningTest, ExpandedRecipesAndRolesComeFromAutomatic) {
  EXPECT_EQ(names("recipes:nginx"), Names{"web1"});
  EXPECT_EQ(names("roles:web"), Names{"web1"});  // web2 never reported its expansion
}

TEST_F(FlatteningTest, ArraysIndexEveryElement) {
  EXPECT_EQ(names("tags:frontend"), (Names{"web1", "web2"}));
  EXPECT_EQ(names("tags:canary"), Names{"web2"});
}

TEST_F(FlatteningTest, TopLevelNodeFields) {
  EXPECT_EQ(names("chef_type:node"), (Names{"web1", "web2", "db1", "app-1", "odd"}));
  EXPECT_EQ(names("chef_environment:_default"), (Names{"app-1", "odd"}));
}

TEST(FlattenTest, ArraysOfObjectsFlattenUnderTheirKey) {
  search::Entries e = search::flatten(Json::parse(R"({"disks":[{"size":"1G"},{"size":"2G"}]})"));
  auto has = [&](const std::string& field, const std::string& value) {
    for (const auto& x : e) {
      if (x.field == field && x.value == value) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("disks_size", "1G"));
  EXPECT_TRUE(has("disks_size", "2G"));
  EXPECT_TRUE(has("size", "2G"));
}

TEST(DataBagDocumentTest, ItemsGainBagAndType) {
  search::Catalog c;
  c.put("users", "alice", Json{{"id", "alice"}, {"shell", "/bin/zsh"}, {"groups", {"ops"}}});
  c.put("users", "bob", Json{{"id", "bob"}, {"shell", "/bin/bash"}});
  EXPECT_EQ(c.query("users", "shell:\\/bin\\/zsh").ids, std::vector<std::string>{"alice"});
  EXPECT_EQ(c.query("users", "data_bag:users AND chef_type:data_bag_item").total, 2u);
  EXPECT_EQ(c.query("users", "groups:ops").ids, std::vector<std::string>{"alice"});
  EXPECT_EQ(c.query("users", "id:b*").ids, std::vector<std::string>{"bob"});
  EXPECT_EQ(c.query("nosuchbag", "*:*").total, 0u);
}

TEST(DataBagDocumentTest, RowIsTheChefWrapper) {
  Json item{{"id", "alice"}, {"shell", "/bin/zsh"}};
  EXPECT_EQ(search::data_bag_item_row(item, "users"), Json({{"name", "data_bag_item_users_alice"},
                                                            {"json_class", "Chef::DataBagItem"},
                                                            {"chef_type", "data_bag_item"},
                                                            {"data_bag", "users"},
                                                            {"raw_data", item}}));
}

}  // namespace
}  // namespace proofbox::zero::testing
