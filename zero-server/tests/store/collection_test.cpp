#include "proofbox/zero/store/collection.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace proofbox::zero::store {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Collection, CreateRefusesTakenNames) {
  Collection c;
  EXPECT_TRUE(c.create("web01", make_document("{\"a\":1}")));
  EXPECT_FALSE(c.create("web01", make_document("{\"a\":2}")));
  ASSERT_NE(c.get("web01"), nullptr);
  EXPECT_EQ(*c.get("web01"), "{\"a\":1}");
}

TEST(Collection, ReplaceOnlyExisting) {
  Collection c;
  EXPECT_FALSE(c.replace("web01", make_document("x")));
  EXPECT_EQ(c.get("web01"), nullptr);
  c.put("web01", make_document("1"));
  EXPECT_TRUE(c.replace("web01", make_document("2")));
  EXPECT_EQ(*c.get("web01"), "2");
}

TEST(Collection, NamesAreSorted) {
  Collection c;
  for (const char* n : {"zeta", "alpha", "mid", "Beta"}) c.put(n, make_document("{}"));
  EXPECT_THAT(c.names(), ElementsAre("Beta", "alpha", "mid", "zeta"));
  EXPECT_EQ(c.size(), 4u);
}

TEST(Collection, EraseReturnsTheRemovedDocument) {
  Collection c;
  c.put("a", make_document("doc"));
  Document gone = c.erase("a");
  ASSERT_NE(gone, nullptr);
  EXPECT_EQ(*gone, "doc");
  EXPECT_EQ(c.erase("a"), nullptr);
  EXPECT_THAT(c.names(), IsEmpty());
}

TEST(Collection, RenameMovesAndRefusesTakenOrMissing) {
  Collection c;
  c.put("old", make_document("1"));
  c.put("taken", make_document("2"));
  EXPECT_EQ(c.rename("old", "taken", make_document("3")), RenameResult::kTaken);
  EXPECT_EQ(*c.get("old"), "1");
  EXPECT_EQ(c.rename("nope", "new", make_document("3")), RenameResult::kMissing);
  EXPECT_EQ(c.rename("old", "new", make_document("3")), RenameResult::kOk);
  EXPECT_EQ(c.get("old"), nullptr);
  EXPECT_EQ(*c.get("new"), "3");
}

TEST(Collection, UpdateIsReadModifyWrite) {
  Collection c;
  auto inc = [](const Document& d) {
    int v = d ? std::stoi(*d) : 0;
    return make_document(std::to_string(v + 1));
  };
  c.update("n", inc);
  c.update("n", inc);
  EXPECT_EQ(*c.get("n"), "2");
  c.update("n", [](const Document&) { return Document(); });
  EXPECT_FALSE(c.contains("n"));
}

TEST(Collection, ObserverSeesEveryChange) {
  Collection c;
  std::vector<std::string> log;
  c.set_observer([&](std::string_view name, const Document& before, const Document& after) {
    log.push_back(std::string(name) + ":" + (before ? *before : "-") + ">" +
                  (after ? *after : "-"));
  });
  c.create("a", make_document("1"));
  c.replace("a", make_document("2"));
  c.rename("a", "b", make_document("3"));
  c.erase("b");
  EXPECT_THAT(log, ElementsAre("a:->1", "a:1>2", "a:2>-", "b:->3", "b:3>-"));
}

// Many writers on overlapping names and readers at the same time: every read sees a whole
// document, and the final counts add up.
TEST(Collection, ConcurrentWritersAndReaders) {
  Collection c;
  constexpr int kThreads = 8;
  constexpr int kPerThread = 2000;
  std::atomic<bool> torn{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        std::string name = "node" + std::to_string(i % 100);
        c.update(name, [](const Document& d) {
          int v = d ? std::stoi(*d) : 0;
          return make_document(std::to_string(v + 1));
        });
        c.put("own" + std::to_string(t) + "_" + std::to_string(i), make_document("x"));
        Document seen = c.get("node" + std::to_string((i * 7) % 100));
        if (seen && seen->empty()) torn = true;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_FALSE(torn);
  long total = 0;
  for (int i = 0; i < 100; ++i) total += std::stol(*c.get("node" + std::to_string(i)));
  EXPECT_EQ(total, kThreads * kPerThread);
  EXPECT_EQ(c.size(), 100u + kThreads * kPerThread);
}

// Opposite renames across shards must not deadlock.
TEST(Collection, OppositeRenamesDoNotDeadlock) {
  Collection c;
  c.put("a0", make_document("a"));
  c.put("b0", make_document("b"));
  std::thread t1([&] {
    for (int i = 0; i < 5000; ++i) {
      c.rename("a" + std::to_string(i % 2), "a" + std::to_string((i + 1) % 2), make_document("a"));
    }
  });
  std::thread t2([&] {
    for (int i = 0; i < 5000; ++i) {
      c.rename("b" + std::to_string(i % 2), "b" + std::to_string((i + 1) % 2), make_document("b"));
    }
  });
  t1.join();
  t2.join();
  EXPECT_EQ(c.size(), 2u);
}

}  // namespace
}  // namespace proofbox::zero::store
