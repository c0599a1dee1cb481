// --shard I/N: disjoint, covering, balanced, the same on every call.
#include "proofbox/specs/gate/shard.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "proofbox/specs/gate/gate_error.hpp"

namespace proofbox::specs::gate {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<SelectedRole> roles(std::initializer_list<const char*> names) {
  std::vector<SelectedRole> out;
  for (const char* name : names) out.push_back(SelectedRole{name, {"why"}});
  return out;
}

std::vector<std::string> names(const std::vector<SelectedRole>& selected) {
  std::vector<std::string> out;
  for (const auto& role : selected) out.push_back(role.name);
  return out;
}

TEST(Shard, ParsesIndexAndCount) {
  const Shard shard = parse_shard("2/5");
  EXPECT_EQ(shard.index, 2);
  EXPECT_EQ(shard.count, 5);
}

TEST(Shard, RefusesMalformedShards) {
  for (const char* text : {"0/3", "4/3", "a/b", "3", "1/0", "-1/3", "1/3x", "/3", "2/"}) {
    try {
      parse_shard(text);
      ADD_FAILURE() << text << " was accepted";
    } catch (const GateError& e) {
      EXPECT_THAT(e.what(), HasSubstr("is not I/N")) << text;
    }
  }
}

TEST(Shard, RoundRobinOverSortedNames) {
  const auto all = roles({"web", "app", "db", "cache", "redis", "base", "mq"});
  // sorted: app base cache db mq redis web
  EXPECT_THAT(names(shard_roles(all, {1, 3})), ElementsAre("app", "db", "web"));
  EXPECT_THAT(names(shard_roles(all, {2, 3})), ElementsAre("base", "mq"));
  EXPECT_THAT(names(shard_roles(all, {3, 3})), ElementsAre("cache", "redis"));
  EXPECT_THAT(names(shard_roles(all, {1, 1})),
              ElementsAre("app", "base", "cache", "db", "mq", "redis", "web"));
}

TEST(Shard, PartitionsForEveryCountAndIgnoresInputOrder) {
  const auto all = roles({"r01", "r07", "r03", "r10", "r02", "r05", "r04", "r09", "r08", "r06"});
  auto reversed = all;
  std::reverse(reversed.begin(), reversed.end());
  for (int count = 1; count <= 12; ++count) {
    std::multiset<std::string> seen;
    std::size_t smallest = all.size(), largest = 0;
    for (int index = 1; index <= count; ++index) {
      const auto part = names(shard_roles(all, {index, count}));
      EXPECT_EQ(part, names(shard_roles(reversed, {index, count})));
      seen.insert(part.begin(), part.end());
      smallest = std::min(smallest, part.size());
      largest = std::max(largest, part.size());
    }
    EXPECT_EQ(seen.size(), all.size()) << count;
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), all.size()) << count;
    EXPECT_LE(largest - smallest, 1u) << count;
  }
}

TEST(Shard, KeepsTheReasons) {
  EXPECT_THAT(shard_roles(roles({"a"}), {1, 2}).front().reasons, ElementsAre("why"));
  EXPECT_TRUE(shard_roles(roles({"a"}), {2, 2}).empty());
}

}  // namespace
}  // namespace proofbox::specs::gate
