// The data bag scan: literal reads in every spelling, mentions, computed names, comments.
#include "proofbox/specs/gate/data_bag_refs.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace proofbox::specs::gate {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Key;
using ::testing::UnorderedElementsAre;

BagReferences scan(const std::string& text, const std::string& path = "c/recipes/default.rb") {
  return scan_bag_references({SourceFile{path, text}});
}

TEST(DataBagRefs, LiteralReadsInEverySpelling) {
  const auto refs = scan(
      "a = data_bag('one')\n"
      "b = data_bag_item(\"two\", 'x')\n"
      "c = data_bag_item :three, 'x'\n"
      "d = search(:four, 'id:*')\n"
      "e = Chef::EncryptedDataBagItem.load('five', 'x', secret)\n"
      "f = ChefVault::Item.load(:\"six\", 'x')\n"
      "g = chef_vault_item('seven', 'x')\n"
      "h = Chef::DataBagItem.load 'eight', 'x'\n");
  EXPECT_THAT(refs.accessed,
              UnorderedElementsAre(Key("one"), Key("two"), Key("three"), Key("four"), Key("five"),
                                   Key("six"), Key("seven"), Key("eight")));
  EXPECT_EQ(refs.accessed.at("three").line, 3);
  EXPECT_EQ(refs.accessed.at("three").where(), "c/recipes/default.rb:3");
  EXPECT_THAT(refs.dynamic, IsEmpty());
}

TEST(DataBagRefs, NodeAndRoleSearchesAreNotBags) {
  const auto refs = scan(
      "search(:node, 'role:memcached')\nsearch('role', '*:*')\n"
      "search :client, 'x'\nsearch(:environment, 'x')\n");
  EXPECT_THAT(refs.accessed, IsEmpty());
  EXPECT_THAT(refs.dynamic, IsEmpty());
}

TEST(DataBagRefs, ComputedNamesAreDynamic) {
  const auto refs = scan(
      "data_bag(node['ops']['bag'])\n"
      "data_bag_item(\"#{prefix}_users\", 'x')\n"
      "bags.each { |b| data_bag b }\n"
      "data_bag_item(\n  'split', 'x')\n");
  ASSERT_EQ(refs.dynamic.size(), 4u);
  EXPECT_EQ(refs.dynamic[0].line, 1);
  EXPECT_EQ(refs.dynamic[3].line, 4);
  // The literal on the next line of a split call is still a mention.
  EXPECT_TRUE(refs.mentioned.count("split"));
}

TEST(DataBagRefs, NotCallsAreIgnored) {
  const auto refs = scan(
      "search = 'x'\n"
      "search_path = 1\n"
      "node['search'] = 2\n"
      "x = my_data_bag('y')\n"
      "@data_bag = 3\n"
      "result.search\n");
  EXPECT_THAT(refs.dynamic, IsEmpty());
  EXPECT_THAT(refs.accessed, IsEmpty());
}

TEST(DataBagRefs, CommentsAreSkipped) {
  const auto refs = scan("# data_bag('old')\nfile 'x' # data_bag_item('older', 'y')\n");
  EXPECT_THAT(refs.accessed, IsEmpty());
  EXPECT_FALSE(refs.mentioned.count("old"));
  EXPECT_FALSE(refs.mentioned.count("older"));
  EXPECT_TRUE(refs.mentioned.count("x"));
}

TEST(DataBagRefs, MentionsCoverStringsSymbolsAndWordLists) {
  const auto refs = scan(
      "BAGS = %w(alpha beta)\nlookup(:gamma)\nHelper.read \"delta\"\n"
      "x = \"not #{interpolated}\"\n");
  EXPECT_TRUE(refs.mentioned.count("alpha"));
  EXPECT_TRUE(refs.mentioned.count("beta"));
  EXPECT_TRUE(refs.mentioned.count("gamma"));
  EXPECT_TRUE(refs.mentioned.count("delta"));
  EXPECT_FALSE(refs.mentioned.count("not #{interpolated}"));
  EXPECT_FALSE(refs.mentioned.count("Helper"));
}

TEST(DataBagRefs, ErbReadsOnlyCode) {
  const auto refs = scan("user: 'html_text'\n<% admins = data_bag_item('admins', 'list') %>\n",
                         "c/templates/default/x.erb");
  EXPECT_THAT(refs.accessed, ElementsAre(Key("admins")));
  EXPECT_EQ(refs.accessed.at("admins").line, 2);
  EXPECT_FALSE(refs.mentioned.count("html_text"));
}

}  // namespace
}  // namespace proofbox::specs::gate
