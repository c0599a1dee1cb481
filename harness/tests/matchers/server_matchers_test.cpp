// NodeSaved, HasRunList, HasAutomaticAttribute, FoundBySearch over a StoreServerView, from a
// live store and from a snapshot.
#include <unistd.h>

#include <filesystem>

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "proofbox/harness/store_server_view.hpp"
#include "proofbox/zero/search/query.hpp"
#include "support/node_fixture.hpp"

namespace proofbox::harness {
namespace {

using namespace std::chrono_literals;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Eq;
using ::testing::HasSubstr;
using ::testing::StartsWith;

nlohmann::json memcached_node(const std::string& name) {
  return {{"name", name},
          {"chef_type", "node"},
          {"json_class", "Chef::Node"},
          {"chef_environment", "_default"},
          {"run_list", {"role[memcached]"}},
          {"normal", nlohmann::json::object()},
          {"default", nlohmann::json::object()},
          {"override", nlohmann::json::object()},
          {"automatic",
           {{"platform", "debian"},
            {"platform_version", "12"},
            {"roles", {"memcached"}},
            {"memory", {{"total", "2048kB"}}},
            {"memcached", {{"port", 11211}}}}}};
}

class ServerMatchers : public testing::LocalNodeTest {
 protected:
  void SetUp() override {
    LocalNodeTest::SetUp();
    auto org = store_.create_org("chef");
    org->nodes().put("memcached-1",
                     zero::store::make_document(memcached_node("memcached-1").dump()));
    org->nodes().put("memcached-2",
                     zero::store::make_document(memcached_node("memcached-2").dump()));
    node_.server = &view_;
  }
  zero::store::Store store_;
  StoreServerView view_{store_, "chef"};
};

TEST_F(ServerMatchers, NodeSaved) {
  EXPECT_THAT(node_, NodeSaved());
  node_.node_name = "web-1";
  auto out = check(NodeSaved());
  EXPECT_FALSE(out.matched);
  EXPECT_EQ(out.explanation, "the server has no node web-1 after 0.0 s, 1 attempt");
  EXPECT_EQ(out.description, "was saved to the Chef server");
}

TEST_F(ServerMatchers, HasRunList) {
  EXPECT_THAT(node_, HasRunList({"role[memcached]"}));
  EXPECT_THAT(node_, HasRunList(Contains("role[memcached]")));
  auto out = check(HasRunList({"role[memcached]", "recipe[monitoring]"}));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, StartsWith("node memcached-1 has run list [role[memcached]]"));
  EXPECT_THAT(out.description, StartsWith("was saved with a run list that has 2 elements"));
}

TEST_F(ServerMatchers, HasAutomaticAttribute) {
  EXPECT_THAT(node_, HasAutomaticAttribute("platform", Eq("debian")));
  EXPECT_THAT(node_, HasAutomaticAttribute("memcached.port", "11211"));
  EXPECT_THAT(node_, HasAutomaticAttribute("roles.0", "memcached"));
  auto out = check(HasAutomaticAttribute("platform", Eq("ubuntu")));
  EXPECT_FALSE(out.matched);
  EXPECT_EQ(out.explanation,
            "node memcached-1 has automatic platform = \"debian\" after 0.0 s, 1 attempt");
  auto absent = check(HasAutomaticAttribute("kernel.name", HasSubstr("Linux")));
  EXPECT_FALSE(absent.matched);
  EXPECT_THAT(absent.explanation,
              StartsWith("node memcached-1 has no automatic attribute kernel.name"));
}

TEST_F(ServerMatchers, FoundBySearch) {
  EXPECT_THAT(node_, FoundBySearch("node", "role:memcached"));
  EXPECT_THAT(node_, FoundBySearch("node", "platform:debian AND memcached_port:11211"));
  EXPECT_THAT(node_,
              SearchFinds("node", "role:memcached", ElementsAre("memcached-1", "memcached-2")));
  auto out = check(FoundBySearch("node", "role:web"));
  EXPECT_FALSE(out.matched);
  EXPECT_EQ(out.explanation, "search(node, \"role:web\") found [] after 0.0 s, 1 attempt");
  auto bad = check(FoundBySearch("node", "role:(memcached"));
  EXPECT_FALSE(bad.matched);
  EXPECT_THAT(bad.explanation, StartsWith("search(node, \"role:(memcached\") failed: query error"));
}

TEST_F(ServerMatchers, WithinRetriesServerChecksToo) {
  node_.node_name = "late-1";
  std::thread later([this] {
    std::this_thread::sleep_for(200ms);
    store_.org("chef")->nodes().put("late-1",
                                    zero::store::make_document(memcached_node("late-1").dump()));
  });
  auto out = check(NodeSaved().Within(2s));
  later.join();
  EXPECT_TRUE(out.matched) << out.explanation;
}

TEST_F(ServerMatchers, NoServerViewIsExplained) {
  node_.server = nullptr;
  auto out = check(NodeSaved());
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, StartsWith("no Chef server view for memcached-1"));
}

TEST(StoreServerViewFromSnapshot, SearchesAndReadsNodes) {
  backup::ChefData data;
  data.describe_all();
  data.nodes["memcached-1"] = memcached_node("memcached-1");
  data.roles["memcached"] = {{"name", "memcached"},
                             {"chef_type", "role"},
                             {"json_class", "Chef::Role"},
                             {"run_list", {"recipe[memcached]"}}};
  data.data_bags["ports"]["memcached"] = {{"id", "memcached"}, {"port", 11211}};
  auto dir =
      std::filesystem::temp_directory_path() / ("pbx-view-snapshot-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  backup::write_snapshot(data, dir, {"test", "acme", "2026-11-23T10:00:00Z"});
  auto view = StoreServerView::from_snapshot(dir);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(view->node("memcached-1"));
  EXPECT_EQ((*view->node("memcached-1"))["automatic"]["platform"], "debian");
  EXPECT_FALSE(view->node("absent"));
  EXPECT_THAT(view->search("node", "role:memcached"), ElementsAre("memcached-1"));
  EXPECT_THAT(view->search("role", "recipes:memcached OR run_list:recipe\\[memcached\\]"),
              ElementsAre("memcached"));
  EXPECT_THAT(view->search("ports", "port:11211"), ElementsAre("memcached"));
  EXPECT_THROW(view->search("node", "a:(b"), zero::search::QueryError);
}

}  // namespace
}  // namespace proofbox::harness
