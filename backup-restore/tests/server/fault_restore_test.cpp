// Restore and backup over HTTP against a server that fails: injected 500s and 429s, answers
// that come after the client's timeout, connections dropped before and after the work is done,
// and an outage that stops a restore halfway. Nothing may be lost, and the round trip
// proofbox -> backup -> restore -> backup must give back what it started with.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

#include "proofbox/backup/server/server_reader.hpp"
#include "proofbox/backup/server/server_writer.hpp"
#include "support/backup_test_support.hpp"
#include "support/faulty_handler.hpp"
#include "support/sample_data.hpp"

namespace proofbox::backup::server {
namespace {

using testing::Fault;
using testing::FaultyServer;
using testing::SignedServer;

// A source server holding the sample objects plus many nodes, backed up over HTTP.
ChefData backed_up_source(SignedServer& source_server, int extra_nodes) {
  ChefData seed = testing::sample_data();
  for (int i = 0; i < extra_nodes; ++i) {
    std::string name = "node" + std::to_string(i);
    seed.nodes[name] =
        Json{{"name", name}, {"run_list", {"role[web]"}}, {"normal", {{"index", i}}}};
  }
  auto seeding = source_server.in_process_client();
  RestoreResult seeded = restore(seeding, seed);
  EXPECT_TRUE(seeded.ok()) << ::testing::PrintToString(seeded.errors);
  auto http = source_server.http_client(8);
  ReadResult backup = read_server(http);
  return backup.data;
}

client::ClientConfig faulty_config(const std::string& url) {
  client::ClientConfig c;
  c.server_url = url + "/organizations/chef";
  c.concurrency = 8;
  c.timeout = std::chrono::milliseconds(300);  // stalls last 600 ms
  c.retry.retries = 6;
  c.retry.base = std::chrono::milliseconds(5);
  c.retry.cap = std::chrono::milliseconds(40);
  return c;
}

void expect_same_objects(const ChefData& a, const ChefData& b) {
  for (auto kind : kKinds) {
    if (!a.describes(kind)) continue;
    EXPECT_TRUE(b.describes(kind)) << kind;
    if (kind == "data_bags") {
      EXPECT_EQ(a.data_bags, b.data_bags);
    } else {
      EXPECT_EQ(*a.objects(kind), *b.objects(kind)) << kind;
    }
  }
}

TEST(FaultRestore, RoundTripThroughAFailingServerLosesNothing) {
  SignedServer source_server;
  ChefData backup = backed_up_source(source_server, 60);
  ASSERT_EQ(backup.nodes.size(), 63u);

  FaultyServer target(4, {Fault::kServerError, Fault::kStall, Fault::kDropBefore, Fault::kDropAfter,
                          Fault::kTooMany});
  auto client = client::ChefClient::over_http(faulty_config(target.url()));
  RestoreResult result = restore(client, backup);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(result.errors);
  EXPECT_GT(target.faults().injected().size(), 15u);

  // Backed up through the same faults, the copy equals the original.
  ReadResult copy = read_server(client);
  expect_same_objects(backup, copy.data);
  EXPECT_TRUE(restore(client, backup).plan.empty());
}

// Lets the first `budget` writes through, then answers every write 503 until lifted.
class Outage : public zero::http::Handler {
 public:
  Outage(zero::http::Handler& inner, int budget) : inner_(inner), budget_(budget) {}
  zero::http::Response handle(zero::http::Request& request) override {
    if (request.method != "GET" && down_ && budget_-- <= 0) {
      return zero::http::Response::error(503, "down for maintenance");
    }
    return inner_.handle(request);
  }
  void lift() { down_ = false; }

 private:
  zero::http::Handler& inner_;
  std::atomic<int> budget_;
  std::atomic<bool> down_{true};
};

TEST(FaultRestore, AnInterruptedRestoreRunAgainCompletes) {
  SignedServer source_server;
  ChefData backup = backed_up_source(source_server, 100);

  zero::testing::use_fixture_key_pool();
  zero::store::Store store;
  zero::api::ChefApi api(store, {});
  Outage outage(api, 60);
  client::ClientConfig config = faulty_config("http://proofbox");
  config.retry.retries = 1;
  auto client = client::ChefClient::in_process(outage, config);

  RestoreResult first = restore(client, backup);
  EXPECT_FALSE(first.ok());
  EXPECT_THAT(::testing::PrintToString(first.errors), ::testing::HasSubstr("503"));
  EXPECT_LT(store.org("chef")->nodes().size(), backup.nodes.size());

  outage.lift();
  RestoreResult second = restore(client, backup);
  ASSERT_TRUE(second.ok()) << ::testing::PrintToString(second.errors);
  EXPECT_LT(second.plan.changes.size(), first.plan.changes.size());  // only what was missing
  expect_same_objects(backup, read_server(client).data);
}

}  // namespace
}  // namespace proofbox::backup::server
