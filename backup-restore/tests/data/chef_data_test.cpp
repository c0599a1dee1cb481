#include "proofbox/backup/chef_data.hpp"

#include <gtest/gtest.h>

namespace proofbox::backup {
namespace {

TEST(ChefData, CountsEveryKindAndDataBagItems) {
  ChefData data;
  data.nodes["web01"] = Json::object();
  data.nodes["web02"] = Json::object();
  data.data_bags["users"]["alice"] = Json{{"id", "alice"}};
  data.data_bags["users"]["bob"] = Json{{"id", "bob"}};
  data.data_bags["empty"];
  data.files["d41d8cd98f00b204e9800998ecf8427e"] = "";
  auto counts = data.counts();
  EXPECT_EQ(counts.at("nodes"), 2u);
  EXPECT_EQ(counts.at("roles"), 0u);
  EXPECT_EQ(counts.at("data_bags"), 2u);
  EXPECT_EQ(counts.at("data_bags_bags"), 2u);
  EXPECT_EQ(counts.at("files"), 1u);
}

TEST(ChefData, DescribesOnlyWhatTheSourceSpeaksFor) {
  ChefData data;
  data.described = {"roles", "cookbooks"};
  EXPECT_TRUE(data.describes("roles"));
  EXPECT_FALSE(data.describes("users"));
  data.describe_all();
  EXPECT_TRUE(data.describes("users"));
  EXPECT_TRUE(data.describes("policy_groups"));
}

TEST(ChefData, ObjectsByKindName) {
  ChefData data;
  data.roles["app"] = Json::object();
  ASSERT_NE(data.objects("roles"), nullptr);
  EXPECT_EQ(data.objects("roles")->count("app"), 1u);
  EXPECT_EQ(data.objects("data_bags"), nullptr);
  EXPECT_EQ(data.objects("bogus"), nullptr);
}

}  // namespace
}  // namespace proofbox::backup
