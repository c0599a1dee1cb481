// Starting, stopping, ports, and many clients at once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <vector>

#include "http_test_support.hpp"

namespace proofbox::zero::http::testing {
namespace {

using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;

TEST(ServerLifecycle, PortZeroPicksAFreePortAndUrlReportsIt) {
  EchoHandler handler;
  Server a(handler, test_options());
  Server b(handler, test_options());
  EXPECT_EQ(a.port(), 0);  // nothing bound yet
  a.start();
  b.start();
  EXPECT_NE(a.port(), 0);
  EXPECT_NE(b.port(), 0);
  EXPECT_NE(a.port(), b.port());
  EXPECT_EQ(a.url(), "http://127.0.0.1:" + std::to_string(a.port()));
  Client c(a.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(ServerLifecycle, StartOnATakenPortThrowsNamingHostAndPort) {
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor taken(
      ioc, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  unsigned short port = taken.local_endpoint().port();

  EchoHandler handler;
  ServerOptions o = test_options();
  o.port = port;
  Server server(handler, o);
  try {
    server.start();
    FAIL() << "start() on a taken port did not throw";
  } catch (const std::system_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("127.0.0.1:" + std::to_string(port)));
    EXPECT_THAT(e.what(), HasSubstr("in use"));
    EXPECT_EQ(e.code(), std::errc::address_in_use);
  }
  server.stop();  // harmless after a failed start
}

TEST(ServerLifecycle, UnresolvableHostThrowsSystemError) {
  EchoHandler handler;
  ServerOptions o = test_options();
  o.host = "no-such-host.invalid";
  Server server(handler, o);
  try {
    server.start();
    FAIL() << "start() did not throw";
  } catch (const std::system_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot listen on no-such-host.invalid:0"));
  }
}

TEST(ServerLifecycle, StartTwiceIsALogicError) {
  EchoHandler handler;
  Server server(handler, test_options());
  server.start();
  EXPECT_THROW(server.start(), std::logic_error);
}

TEST(ServerLifecycle, StopIsIdempotentAndRefusesNewConnections) {
  EchoHandler handler;
  Server server(handler, test_options());
  server.start();
  unsigned short port = server.port();
  server.stop();
  server.stop();
  EXPECT_THROW(Client c(port), std::runtime_error);
}

TEST(ServerLifecycle, StopWithConnectedClientsReturnsPromptly) {
  EchoHandler handler;
  ServerOptions o = test_options();
  o.idle_timeout = std::chrono::seconds(60);
  o.header_timeout = std::chrono::seconds(60);
  o.body_timeout = std::chrono::seconds(60);
  Server server(handler, o);
  server.start();

  Client idle(server.port());  // kept alive after one request
  ASSERT_TRUE(idle.send(simple_request("GET", "/")));
  ASSERT_TRUE(idle.read_response());
  Client half_header(server.port());
  ASSERT_TRUE(half_header.send("GET / HTTP/1.1\r\nHost"));
  Client half_body(server.port());
  ASSERT_TRUE(half_body.send("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\nabc"));
  Client silent(server.port());
  std::this_thread::sleep_for(100ms);  // let the server take them all

  auto start = Clock::now();
  server.stop();
  EXPECT_LT(Clock::now() - start, 3000ms);  // the timeouts are 60 s: stop() did not wait them out
  for (Client* c : {&idle, &half_header, &half_body, &silent}) {
    EXPECT_TRUE(c->closed_within(1000ms));
  }
}

TEST(ServerLifecycle, StopWaitsForARunningHandlerThenCloses) {
  EchoHandler handler;
  Server server(handler, test_options());
  server.start();
  Client c(server.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/sleep/300")));
  std::this_thread::sleep_for(100ms);  // the handler is sleeping now
  auto start = Clock::now();
  server.stop();
  auto took = Clock::now() - start;
  EXPECT_GE(took, 100ms);
  EXPECT_LT(took, 2000ms);
  EXPECT_TRUE(c.closed_within(1000ms));
}

TEST(ServerLifecycle, DestructorStopsARunningServer) {
  EchoHandler handler;
  unsigned short port = 0;
  {
    Server server(handler, test_options());
    server.start();
    port = server.port();
    Client c(port);
    ASSERT_TRUE(c.send(simple_request("GET", "/")));
    ASSERT_TRUE(c.read_response());
  }
  EXPECT_THROW(Client c(port), std::runtime_error);
}

TEST(ServerLifecycle, ConcurrentClientsFromManyThreadsAreAllAnswered) {
  EchoHandler handler;
  ServerOptions o = test_options();
  o.threads = 4;
  Server server(handler, o);
  server.start();

  constexpr int kThreads = 8;
  constexpr int kRequests = 200;
  std::atomic<int> answered{0};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        Client c(server.port());
        for (int i = 0; i < kRequests; ++i) {
          std::string body = "t" + std::to_string(t) + "-" + std::to_string(i);
          if (!c.send(simple_request("POST", "/c/" + std::to_string(t), body))) {
            ++wrong;
            return;
          }
          auto r = c.read_response();
          if (!r || r->status != 200 || r->json()["body"] != body) {
            ++wrong;
            return;
          }
          ++answered;
        }
      } catch (...) {
        ++wrong;
      }
    });
  }
  // And short-lived connections at the same time.
  std::thread churn([&] {
    for (int i = 0; i < 100; ++i) {
      Client c(server.port());
      if (!c.send(simple_request("GET", "/churn", "", "Connection: close\r\n"))) ++wrong;
      auto r = c.read_response();
      if (!r || r->status != 200) ++wrong;
    }
  });
  for (auto& th : threads) th.join();
  churn.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(answered.load(), kThreads * kRequests);
}

TEST(ServerLifecycle, ClientThatResetsMidRequestDoesNotDisturbOthers) {
  EchoHandler handler;
  Server server(handler, test_options());
  server.start();
  for (int i = 0; i < 50; ++i) {
    Client c(server.port());
    c.send("POST / HTTP/1.1\r\nContent-Length: 100000\r\n\r\npartial");
    linger lin{1, 0};  // close with RST
    ::setsockopt(c.fd(), SOL_SOCKET, SO_LINGER, &lin, sizeof lin);
  }
  Client c(server.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/still-here")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->json()["path"], "/still-here");
}

}  // namespace
}  // namespace proofbox::zero::http::testing
