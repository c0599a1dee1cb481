// ChefClient against a real proofbox server over HTTP (signed requests, concurrency, connection
// reuse, retries through injected faults, timeouts) and in-process through the handler.
#include "proofbox/backup/client/chef_client.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/backup/client/curl_transport.hpp"
#include "support/backup_test_support.hpp"
#include "support/faulty_handler.hpp"

namespace proofbox::backup::client {
namespace {

using testing::Fault;
using testing::FaultyServer;
using ::testing::HasSubstr;
using testing::SignedServer;

ApiRequest new_node(const ChefClient& c, const std::string& name) {
  return ApiRequest::json("POST", c.org_path("nodes"), Json{{"name", name}});
}

TEST(ChefClient, SignsWithEachProtocolVersion) {
  SignedServer server;
  for (auto version : {zero::auth::SignVersion::V1_0, zero::auth::SignVersion::V1_1,
                       zero::auth::SignVersion::V1_3}) {
    ClientConfig config = server.config();
    config.sign_version = version;
    ChefClient c = ChefClient::over_http(config);
    std::string name = "node-" + std::string(zero::auth::version_string(version));
    name.erase(std::remove(name.begin(), name.end(), '.'), name.end());
    ApiResponse created = c.send(new_node(c, name));
    EXPECT_EQ(created.status, 201) << created.describe();
    ApiResponse got = c.send(ApiRequest::get(c.org_path("nodes/" + name)));
    ASSERT_EQ(got.status, 200) << got.describe();
    EXPECT_EQ(got.json()["name"], name);
  }
  ClientConfig unsigned_config = server.config();
  unsigned_config.private_key_pem.clear();
  ChefClient anonymous = ChefClient::over_http(unsigned_config);
  ApiResponse refused = anonymous.send(ApiRequest::get(anonymous.org_path("nodes")));
  EXPECT_THAT(refused.status, ::testing::AnyOf(400, 401)) << refused.describe();
}

TEST(ChefClient, AsksForTheServerApiVersion) {
  SignedServer server;
  ChefClient c = server.http_client();
  ApiResponse r = c.send(ApiRequest::get(c.org_path("nodes")));
  ASSERT_TRUE(r.header("x-ops-server-api-version"));
  EXPECT_THAT(*r.header("x-ops-server-api-version"), HasSubstr("\"request_version\":\"1\""));
  r = c.send(ApiRequest::get(c.org_path("nodes"), 2));
  EXPECT_THAT(*r.header("x-ops-server-api-version"), HasSubstr("\"request_version\":\"2\""));
  r = c.send(ApiRequest::get(c.org_path("nodes"), 7));
  EXPECT_EQ(r.status, 406);
}

TEST(ChefClient, BatchesRunConcurrentlyOverFewReusedConnections) {
  SignedServer server;
  ChefClient c = server.http_client(4);
  std::vector<ApiRequest> creates;
  for (int i = 0; i < 60; ++i) creates.push_back(new_node(c, "n" + std::to_string(i)));
  for (const auto& r : c.send_all(creates)) EXPECT_EQ(r.status, 201) << r.describe();
  std::vector<ApiRequest> reads;
  for (int i = 0; i < 60; ++i)
    reads.push_back(ApiRequest::get(c.org_path("nodes/n" + std::to_string(i))));
  auto responses = c.send_all(reads);
  ASSERT_EQ(responses.size(), 60u);
  for (int i = 0; i < 60; ++i) {
    EXPECT_EQ(responses[i].json()["name"], "n" + std::to_string(i));  // answers keep order
  }
  auto& curl = dynamic_cast<CurlTransport&>(c.transport());
  EXPECT_GE(curl.connections_opened(), 1);
  EXPECT_LE(curl.connections_opened(), 4);  // 120 requests, at most one connection per slot
}

TEST(ChefClient, RetriesThroughErrorsTimeoutsAndDroppedConnections) {
  FaultyServer server(2, {Fault::kServerError, Fault::kTooMany, Fault::kStall, Fault::kDropBefore,
                          Fault::kDropAfter});
  ClientConfig config;
  config.server_url = server.url() + "/organizations/chef";
  config.concurrency = 4;
  config.timeout = std::chrono::milliseconds(300);  // the stall lasts 600 ms
  config.retry.base = std::chrono::milliseconds(5);
  config.retry.cap = std::chrono::milliseconds(20);
  ChefClient c = ChefClient::over_http(config);
  c.send(ApiRequest::json("POST", c.org_path("data"), Json{{"name", "bag"}}));
  std::vector<ApiRequest> items;
  for (int i = 0; i < 40; ++i) {
    items.push_back(
        ApiRequest::json("POST", c.org_path("data/bag"), Json{{"id", "item" + std::to_string(i)}}));
  }
  unsigned retried = 0;
  for (const auto& r : c.send_all(items)) {
    // A drop after the create means the retry finds the item there: 409, nothing lost.
    EXPECT_TRUE(r.status == 201 || r.status == 409) << r.describe();
    if (r.attempts > 1) ++retried;
  }
  EXPECT_GT(retried, 5u);
  auto faults = server.faults().injected();
  for (Fault f : {Fault::kServerError, Fault::kTooMany, Fault::kStall, Fault::kDropBefore,
                  Fault::kDropAfter}) {
    EXPECT_NE(std::find(faults.begin(), faults.end(), f), faults.end());
  }
  EXPECT_EQ(server.store().org("chef")->find("data/bag")->size(), 40u);
}

TEST(ChefClient, GivesUpAfterTheLastRetryWithTheReason) {
  FaultyServer server(1, {Fault::kStall}, std::chrono::milliseconds(400));
  ClientConfig config;
  config.server_url = server.url();
  config.timeout = std::chrono::milliseconds(100);
  config.retry.retries = 0;
  ChefClient c = ChefClient::over_http(config);
  ApiResponse r = c.send(ApiRequest::get("/nodes"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.attempts, 1u);
  EXPECT_THAT(r.describe(), HasSubstr("imeout"));
}

TEST(ChefClient, RefusesToSendAnythingToAnUnreachableHostForever) {
  ClientConfig config;
  config.server_url = "http://127.0.0.1:1/organizations/x";  // nothing listens on port 1
  config.retry.retries = 2;
  config.retry.base = std::chrono::milliseconds(1);
  ChefClient c = ChefClient::over_http(config);
  ApiResponse r = c.send(ApiRequest::get(c.org_path("nodes")));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.attempts, 3u);
  EXPECT_THAT(r.describe(), HasSubstr("127.0.0.1:1"));
}

TEST(ChefClient, InProcessThroughTheHandlerWithSignatures) {
  SignedServer server;
  ChefClient c = server.in_process_client();
  EXPECT_EQ(c.send(new_node(c, "inproc")).status, 201);
  EXPECT_TRUE(server.store().org("chef")->nodes().contains("inproc"));
  ApiResponse got = c.send(ApiRequest::get(c.org_path("nodes/inproc")));
  EXPECT_EQ(got.json()["name"], "inproc");
  ApiResponse missing = c.send(ApiRequest::get(c.org_path("nodes/none")));
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(missing.body, HasSubstr("node 'none' not found"));
}

}  // namespace
}  // namespace proofbox::backup::client
