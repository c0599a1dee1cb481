// Limits and timeouts: oversized bodies and headers, slowloris, idle and slow-body clients.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http_test_support.hpp"

namespace proofbox::zero::http::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using Clock = std::chrono::steady_clock;

ServerOptions small_limits() {
  ServerOptions o = test_options();
  o.max_body_bytes = 1024;
  o.header_timeout = std::chrono::seconds(1);
  o.idle_timeout = std::chrono::seconds(1);
  o.body_timeout = std::chrono::seconds(1);
  return o;
}

class LimitsTest : public ServerFixture<EchoHandler> {
 protected:
  LimitsTest() : ServerFixture(small_limits()) {}
};

TEST_F(LimitsTest, BodyAtTheLimitIsAccepted) {
  Client c(server_.port());
  std::string body(1024, 'b');
  ASSERT_TRUE(c.send(simple_request("POST", "/nodes", body)));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->json()["body"], body);
}

TEST_F(LimitsTest, OversizedContentLengthIs413AndCloses) {
  Client c(server_.port());
  std::string body(5000, 'b');
  ASSERT_TRUE(c.send(simple_request("POST", "/nodes", body)));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_EQ(r->header("content-type"), "application/json");
  auto j = r->json();
  ASSERT_TRUE(j["error"].is_array());
  EXPECT_THAT(j["error"][0].get<std::string>(), StartsWith("Request body too large"));
  EXPECT_THAT(j["error"][0].get<std::string>(), HasSubstr("1024"));
  EXPECT_TRUE(c.closed_within(3000ms));
}

TEST_F(LimitsTest, OversizedBodyWithExpectContinueGets413Instead) {
  Client c(server_.port());
  ASSERT_TRUE(
      c.send("PUT /cookbooks/x/1.0.0 HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\n"
             "Expect: 100-continue\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);  // not 100: the client never has to send the body
}

TEST_F(LimitsTest, OversizedChunkedBodyIs413) {
  Client c(server_.port());
  std::string req = "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 5; ++i) req += "200\r\n" + std::string(0x200, 'c') + "\r\n";
  req += "0\r\n\r\n";
  ASSERT_TRUE(c.send(req));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(LimitsTest, HugeHeaderIsRefusedAndCloses) {
  Client c(server_.port());
  std::string req = "GET / HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 3000; ++i) {
    req += "X-Filler-" + std::to_string(i) + ": 0123456789abcdef\r\n";  // ~100 KB in all
  }
  req += "\r\n";
  c.send(req);  // the server may close before taking it all
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_TRUE(r->json()["error"].is_array());
  EXPECT_TRUE(c.closed_within(3000ms));
}

TEST_F(LimitsTest, SlowlorisClientIsCutOffByTheHeaderTimeout) {
  Client c(server_.port());
  auto start = Clock::now();
  ASSERT_TRUE(c.send("GET / HTTP/1.1\r\n"));
  // One header byte every 200 ms keeps the connection busy but never finishes the header.
  bool cut_off = false;
  while (Clock::now() - start < 10s) {
    if (!c.send("X")) {
      cut_off = true;
      break;
    }
    if (c.closed_within(200ms)) {
      cut_off = true;
      break;
    }
  }
  auto elapsed = Clock::now() - start;
  EXPECT_TRUE(cut_off);
  EXPECT_GE(elapsed, 900ms);   // not before the timeout...
  EXPECT_LT(elapsed, 5000ms);  // ...but soon after it, whatever the client keeps sending
}

TEST(LimitsTimeouts, SlowlorisOnAKeptAliveConnectionGetsTheHeaderTimeoutNotTheIdleOne) {
  EchoHandler handler;
  ServerOptions o = test_options();
  o.header_timeout = std::chrono::seconds(1);
  o.idle_timeout = std::chrono::seconds(30);
  Server server(handler, o);
  server.start();
  Client c(server.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/first")));
  ASSERT_TRUE(c.read_response());
  std::this_thread::sleep_for(1500ms);  // idle longer than the header timeout: still open
  auto start = Clock::now();
  bool cut_off = false;
  for (char ch : std::string("GET /second HTTP/1.1\r\nX-Slow: ") + std::string(100, 'z')) {
    if (!c.send(std::string_view(&ch, 1)) || c.closed_within(200ms)) {
      cut_off = true;
      break;
    }
  }
  auto elapsed = Clock::now() - start;
  EXPECT_TRUE(cut_off);
  EXPECT_GE(elapsed, 900ms);
  EXPECT_LT(elapsed, 5000ms);
}

TEST_F(LimitsTest, SilentConnectionIsClosedByTheHeaderTimeout) {
  Client c(server_.port());
  auto start = Clock::now();
  EXPECT_TRUE(c.closed_within(8000ms));
  EXPECT_LT(Clock::now() - start, 5000ms);
}

TEST_F(LimitsTest, IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/one")));
  ASSERT_TRUE(c.read_response());
  // Still open well inside the idle timeout.
  std::this_thread::sleep_for(400ms);
  ASSERT_TRUE(c.send(simple_request("GET", "/two")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->json()["path"], "/two");
  auto idle_from = Clock::now();
  EXPECT_TRUE(c.closed_within(8000ms));
  auto idle = Clock::now() - idle_from;
  EXPECT_GE(idle, 900ms);
  EXPECT_LT(idle, 5000ms);
}

TEST_F(LimitsTest, SlowBodyIsCutOffByTheBodyTimeout) {
  Client c(server_.port());
  ASSERT_TRUE(c.send("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part"));
  auto start = Clock::now();
  EXPECT_TRUE(c.closed_within(8000ms));
  EXPECT_LT(Clock::now() - start, 5000ms);
}

TEST_F(LimitsTest, ActiveClientIsNotCutOffBetweenRequests) {
  // Many quick requests over longer than every timeout: deadlines restart per request.
  Client c(server_.port());
  auto start = Clock::now();
  int n = 0;
  while (Clock::now() - start < 2500ms) {
    ASSERT_TRUE(c.send(simple_request("GET", "/tick/" + std::to_string(n))));
    auto r = c.read_response();
    ASSERT_TRUE(r) << "after " << n << " requests";
    EXPECT_EQ(r->json()["path"], "/tick/" + std::to_string(n));
    ++n;
    std::this_thread::sleep_for(100ms);
  }
}

}  // namespace
}  // namespace proofbox::zero::http::testing
