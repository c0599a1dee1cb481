// The index follows every write: replace and remove touch the postings, unused terms are
// freed, and paging/sorting work on the maintained sets.
#include <gtest/gtest.h>

#include "proofbox/zero/search/index.hpp"
#include "search_test_support.hpp"

namespace proofbox::zero::testing {
namespace {

using search::Entries;
using search::Index;

std::vector<std::string> ids(const search::QueryResult& r) {
  return r.ids;
}

TEST(IndexTest, ReplaceMovesADocumentBetweenTerms) {
  Index idx;
  idx.put("a", Entries{{"color", "red"}});
  idx.put("b", Entries{{"color", "red"}});
  EXPECT_EQ(idx.query("color:red").total, 2u);
  idx.put("a", Entries{{"color", "blue"}});
  EXPECT_EQ(ids(idx.query("color:red")), std::vector<std::string>{"b"});
  EXPECT_EQ(ids(idx.query("color:blue")), std::vector<std::string>{"a"});
  EXPECT_EQ(idx.size(), 2u);
}

TEST(IndexTest, RemoveForgetsTheDocumentAndItsUnsharedTerms) {
  Index idx;
  idx.put("a", Entries{{"color", "red"}, {"uptime", "100"}});
  idx.put("b", Entries{{"color", "red"}});
  const std::size_t before = idx.term_count();  // color presence, red, uptime presence, 100
  EXPECT_EQ(before, 4u);
  EXPECT_TRUE(idx.remove("a"));
  EXPECT_FALSE(idx.remove("a"));
  EXPECT_EQ(idx.term_count(), 2u);
  EXPECT_EQ(idx.query("uptime:*").total, 0u);
  EXPECT_EQ(ids(idx.query("*:*")), std::vector<std::string>{"b"});
  EXPECT_FALSE(idx.contains("a"));
}

TEST(IndexTest, ChurningValuesDoNotPileUpTerms) {
  Index idx;
  for (int i = 0; i < 1000; ++i) {
    idx.put("n", Entries{{"uptime", std::to_string(i)}, {"platform", "ubuntu"}});
  }
  EXPECT_EQ(idx.term_count(), 4u);
  EXPECT_EQ(ids(idx.query("uptime:999")), std::vector<std::string>{"n"});
  EXPECT_EQ(idx.query("uptime:998").total, 0u);
}

TEST(IndexTest, ReusedSlotsDoNotLeakOldMatches) {
  Index idx;
  idx.put("a", Entries{{"k", "1"}});
  idx.remove("a");
  idx.put("b", Entries{{"k", "2"}});
  EXPECT_EQ(idx.query("k:1").total, 0u);
  EXPECT_EQ(ids(idx.query("k:2")), std::vector<std::string>{"b"});
  EXPECT_EQ(ids(idx.query("NOT k:1")), std::vector<std::string>{"b"});
}

TEST(IndexTest, PagingIsStartPlusRowCount) {
  Index idx;
  for (const char* n : {"e", "c", "a", "d", "b"}) idx.put(n, Entries{{"x", "1"}});
  auto page = idx.query("x:1", "", 1, 2);
  EXPECT_EQ(page.total, 5u);
  EXPECT_EQ(page.ids, (std::vector<std::string>{"b", "c"}));
  EXPECT_EQ(idx.query("x:1", "", 4, 10).ids, std::vector<std::string>{"e"});
  EXPECT_TRUE(idx.query("x:1", "", 5, 10).ids.empty());
  EXPECT_EQ(idx.query("x:1", "", 5, 10).total, 5u);
  EXPECT_TRUE(idx.query("x:1", "", 0, 0).ids.empty());
}

TEST(IndexTest, SortByFieldAscendingAndDescending) {
  Index idx;
  idx.put("a", Entries{{"v", "2"}});
  idx.put("b", Entries{{"v", "1"}});
  idx.put("c", Entries{{"v", "3"}});
  idx.put("d", Entries{{"w", "0"}});  // no v: last either way
  EXPECT_EQ(idx.query("*:*", "v asc").ids, (std::vector<std::string>{"b", "a", "c", "d"}));
  EXPECT_EQ(idx.query("*:*", "v DESC").ids, (std::vector<std::string>{"c", "a", "b", "d"}));
  EXPECT_EQ(idx.query("*:*", "name desc").ids, (std::vector<std::string>{"d", "c", "b", "a"}));
  EXPECT_EQ(idx.query("*:*", "v asc", 1, 2).ids, (std::vector<std::string>{"a", "c"}));
}

TEST(IndexTest, ClearEmptiesEverything) {
  Index idx;
  idx.put("a", Entries{{"k", "1"}});
  idx.clear();
  EXPECT_EQ(idx.size(), 0u);
  EXPECT_EQ(idx.term_count(), 0u);
  EXPECT_EQ(idx.query("*:*").total, 0u);
}

TEST(IndexTest, ManyDocumentsShareOnePosting) {
  Index idx;
  for (int i = 0; i < 5000; ++i) {
    idx.put("n" + std::to_string(i), Entries{{"role", i % 5 == 0 ? "app" : "web"},
                                             {"platform", i % 2 == 0 ? "ubuntu" : "debian"}});
  }
  EXPECT_EQ(idx.query("role:app AND platform:ubuntu").total, 500u);
  EXPECT_EQ(idx.query("role:app OR platform:ubuntu").total, 3000u);
  EXPECT_EQ(idx.query("-role:app").total, 4000u);
  for (int i = 0; i < 5000; i += 2) idx.remove("n" + std::to_string(i));
  EXPECT_EQ(idx.query("platform:ubuntu").total, 0u);
  EXPECT_EQ(idx.query("role:app").total, 500u);
}

TEST(GlobTest, WildcardsAndEscapes) {
  EXPECT_TRUE(search::glob_match("a*c", "abbbc"));
  EXPECT_TRUE(search::glob_match("a*c", "ac"));
  EXPECT_FALSE(search::glob_match("a*c", "acb"));
  EXPECT_TRUE(search::glob_match("a?c", "abc"));
  EXPECT_FALSE(search::glob_match("a?c", "ac"));
  EXPECT_TRUE(search::glob_match("a\\*c", "a*c"));
  EXPECT_FALSE(search::glob_match("a\\*c", "abc"));
  EXPECT_TRUE(search::glob_match("*", ""));
  EXPECT_TRUE(search::glob_match("**a**", "xxaxx"));
  EXPECT_EQ(search::literal_prefix("ab\\*c*d"), "ab*c");
}

}  // namespace
}  // namespace proofbox::zero::testing
