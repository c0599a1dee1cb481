// The org catalog observes the store: objects present before it attaches are replayed, later
// writes (including collections made afterwards) update it, dropped bags empty their index.
#include "proofbox/zero/search/org_catalog.hpp"

#include <gtest/gtest.h>

#include "proofbox/zero/store/store.hpp"

namespace proofbox::zero::testing {
namespace {

store::Document doc(const Json& j) {
  return store::make_document(j.dump());
}

std::vector<std::string> ids(const search::QueryResult& r) {
  return r.ids;
}

TEST(OrgCatalogTest, ReplaysExistingObjectsAndFollowsWrites) {
  store::Store s;
  auto org = s.create_org("acme");
  org->nodes().put("old", doc({{"name", "old"}, {"automatic", {{"platform", "ubuntu"}}}}));
  auto catalog = search::org_catalog(org);
  EXPECT_EQ(ids(catalog->query("node", "platform:ubuntu")), std::vector<std::string>{"old"});

  org->nodes().put("new", doc({{"name", "new"}, {"automatic", {{"platform", "ubuntu"}}}}));
  org->nodes().put("old", doc({{"name", "old"}, {"automatic", {{"platform", "debian"}}}}));
  EXPECT_EQ(ids(catalog->query("node", "platform:ubuntu")), std::vector<std::string>{"new"});
  org->nodes().erase("new");
  EXPECT_EQ(catalog->query("node", "platform:ubuntu").total, 0u);
  EXPECT_EQ(search::org_catalog(org), catalog);  // attached once
}

TEST(OrgCatalogTest, CollectionsMadeLaterAreObserved) {
  store::Store s;
  auto org = s.create_org("acme");
  auto catalog = search::org_catalog(org);
  org->roles().put("web", doc({{"name", "web"}, {"description", "front"}}));
  org->collection("data/users")->put("alice", doc({{"id", "alice"}, {"shell", "zsh"}}));
  org->collection("cookbooks/nginx")->put("1.0.0", doc({{"name", "nginx"}}));
  EXPECT_EQ(ids(catalog->query("role", "description:front")), std::vector<std::string>{"web"});
  EXPECT_EQ(ids(catalog->query("users", "shell:zsh")), std::vector<std::string>{"alice"});
  EXPECT_EQ(catalog->find("nginx"), nullptr);  // cookbooks are not searchable

  org->drop("data/users");
  EXPECT_EQ(catalog->query("users", "*:*").total, 0u);
}

TEST(OrgCatalogTest, EachOrgHasItsOwnCatalog) {
  store::Store s;
  auto a = s.create_org("a");
  auto b = s.create_org("b");
  a->nodes().put("n", doc({{"name", "n"}}));
  EXPECT_EQ(search::org_catalog(a)->query("node", "name:n").total, 1u);
  EXPECT_EQ(search::org_catalog(b)->query("node", "name:n").total, 0u);
}

}  // namespace
}  // namespace proofbox::zero::testing
