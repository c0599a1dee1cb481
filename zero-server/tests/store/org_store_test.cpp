#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/zero/store/store.hpp"

namespace proofbox::zero::store {
namespace {

using ::testing::ElementsAre;

TEST(Org, CollectionsAreMadeOnFirstUseAndShared) {
  Org org("chef");
  EXPECT_EQ(org.find("data/users"), nullptr);
  auto items = org.collection("data/users");
  items->put("alice", make_document("{}"));
  EXPECT_EQ(org.find("data/users"), items);
  EXPECT_TRUE(org.collection("data/users")->contains("alice"));
}

TEST(Org, KindsWithPrefix) {
  Org org("chef");
  org.collection("data/users");
  org.collection("data/apps");
  org.collection("nodes");
  EXPECT_THAT(org.kinds_with_prefix("data/"), ElementsAre("apps", "users"));
}

TEST(Org, DropClearsAndForgets) {
  Org org("chef");
  int removed = 0;
  auto items = org.collection("data/users");
  items->set_observer([&](std::string_view, const Document&, const Document& after) {
    if (!after) ++removed;
  });
  items->put("a", make_document("{}"));
  items->put("b", make_document("{}"));
  EXPECT_TRUE(org.drop("data/users"));
  EXPECT_FALSE(org.drop("data/users"));
  EXPECT_EQ(org.find("data/users"), nullptr);
  EXPECT_EQ(removed, 2);
}

TEST(Org, CreationHookSeesNewCollections) {
  Org org("chef");
  std::vector<std::string> made;
  org.set_collection_created([&](Org& o, std::string_view kind, Collection&) {
    made.push_back(o.name() + "/" + std::string(kind));
  });
  org.nodes();
  org.nodes();
  org.collection("roles");
  EXPECT_THAT(made, ElementsAre("chef/nodes", "chef/roles"));
}

TEST(Store, OrgsAreUniqueAndListed) {
  Store s;
  EXPECT_NE(s.create_org("b"), nullptr);
  EXPECT_NE(s.create_org("a"), nullptr);
  EXPECT_EQ(s.create_org("a"), nullptr);
  EXPECT_THAT(s.org_names(), ElementsAre("a", "b"));
  EXPECT_TRUE(s.delete_org("a"));
  EXPECT_FALSE(s.delete_org("a"));
  EXPECT_EQ(s.org("a"), nullptr);
  EXPECT_EQ(s.org("b")->name(), "b");
}

TEST(Store, ServerWideCollectionsAreSeparateFromOrgs) {
  Store s;
  auto org = s.create_org("chef");
  s.users().put("alice", make_document("{}"));
  EXPECT_FALSE(org->collection("users")->contains("alice"));
  EXPECT_TRUE(s.collection("users")->contains("alice"));
}

}  // namespace
}  // namespace proofbox::zero::store
