// PortOpen, RepliesTo and HttpGet against real listeners on this process's loopback.
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>

#include "support/loopback_servers.hpp"
#include "support/node_fixture.hpp"

namespace proofbox::harness {
namespace {

using namespace std::chrono_literals;
using ::testing::AllOf;
using ::testing::Eq;
using ::testing::HasSubstr;
using testing::LoopbackServer;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

class NetworkMatchers : public testing::LocalNodeTest {};

TEST_F(NetworkMatchers, PortOpenPassesOnAListeningPort) {
  LoopbackServer server(testing::stats_handler());
  EXPECT_THAT(node_, PortOpen(server.port()));
  auto out = check(PortOpen(server.port()));
  EXPECT_TRUE(out.matched);
  EXPECT_THAT(out.explanation, StartsWith("connected to 127.0.0.1:" +
                                          std::to_string(server.port()) + " in memcached-1 after"));
  EXPECT_THAT(out.description, HasSubstr("has TCP port " + std::to_string(server.port()) +
                                         " open (a connect to 127.0.0.1 inside"));
}

TEST_F(NetworkMatchers, PortOpenFailsWithWhatWasTried) {
  int port = testing::free_port();
  auto out = check(PortOpen(port).Within(300ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation,
              MatchesRegex("connection refused on 127\\.0\\.0\\.1:" + std::to_string(port) +
                           " in memcached-1 after (0\\.[3-9]|1\\.[0-9]) s, [2-9] attempts"));
}

TEST_F(NetworkMatchers, PortOpenWaitsForASlowListener) {
  LoopbackServer server(testing::stats_handler(), 300ms);
  auto start = std::chrono::steady_clock::now();
  auto out = check(PortOpen(server.port()).Within(2s));
  EXPECT_TRUE(out.matched) << out.explanation;
  EXPECT_GE(std::chrono::steady_clock::now() - start, 250ms);
  EXPECT_THAT(out.explanation, MatchesRegex(".* after [01]\\.[0-9] s, [2-9][0-9]? attempts"));
}

TEST_F(NetworkMatchers, DefaultDeadlineComesFromTheSettings) {
  matcher_settings().within = 200ms;
  auto out = check(PortOpen(testing::free_port()));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, MatchesRegex(".* after 0\\.[2-5] s, [0-9]+ attempts"));
}

TEST_F(NetworkMatchers, InvertedPortOpenPassesOnAClosedPort) {
  auto out = check(PortOpen(testing::free_port()).Inverted().Within(1s));
  EXPECT_TRUE(out.matched);
  EXPECT_THAT(out.explanation, HasSubstr("1 attempt"));
  EXPECT_THAT(out.description, HasSubstr("closed"));
}

TEST_F(NetworkMatchers, UdpPortBound) {
  int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  socklen_t size = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &size);
  int port = ntohs(a.sin_port);
  EXPECT_TRUE(check(PortOpen(port, Transport::kUdp)).matched);
  ::close(fd);
  auto out = check(PortOpen(port, Transport::kUdp).Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, StartsWith("no UDP socket is bound to port " + std::to_string(port) +
                                          " in memcached-1 after"));
}

TEST_F(NetworkMatchers, RepliesToReadsUntilTheReplyMatches) {
  LoopbackServer server(testing::stats_handler());
  EXPECT_THAT(node_, RepliesTo(server.port(), "stats\r\n", HasSubstr("STAT pid")));
  auto out = check(RepliesTo(server.port(), "stats\r\n", HasSubstr("END")));
  EXPECT_TRUE(out.matched) << out.explanation;
  EXPECT_THAT(out.description,
              Eq("replies to \"stats\\r\\n\" on port " + std::to_string(server.port()) +
                 " with a reply that has substring \"END\""));
}

TEST_F(NetworkMatchers, RepliesToShowsTheLastReply) {
  LoopbackServer server(testing::stats_handler());
  auto out = check(RepliesTo(server.port(), "version\r\n", HasSubstr("VERSION")).Within(200ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation,
              StartsWith("127.0.0.1:" + std::to_string(server.port()) +
                         " replied \"ERROR\\r\\n\" before the reply timed out in memcached-1"));
}

TEST_F(NetworkMatchers, RepliesToWithNoListener) {
  int port = testing::free_port();
  auto out = check(RepliesTo(port, "stats\r\n", HasSubstr("STAT")).Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation,
              StartsWith("connection refused on 127.0.0.1:" + std::to_string(port)));
}

TEST_F(NetworkMatchers, HttpGetMatchesStatusAndBody) {
  LoopbackServer server(testing::http_handler({{"GET /status", {200, "status: ok\n", {}}}}));
  EXPECT_THAT(node_, HttpGet(server.port(), "/status", Eq(200), HasSubstr("ok")));
  auto out = check(HttpGet(server.port(), "/status", 200, HasSubstr("ok")));
  EXPECT_TRUE(out.matched) << out.explanation;
  EXPECT_THAT(out.description,
              HasSubstr("answers GET http://127.0.0.1:" + std::to_string(server.port()) +
                        "/status with (status is equal to 200) and (body has substring \"ok\")"));
}

TEST_F(NetworkMatchers, HttpGetExplainsAWrongStatus) {
  LoopbackServer server(testing::http_handler({}));
  auto out = check(HttpGet(server.port(), "/status", 200).Within(200ms));
  EXPECT_FALSE(out.matched);
  EXPECT_EQ(out.description, "answers GET http://127.0.0.1:" + std::to_string(server.port()) +
                                 "/status with status is equal to 200");
  EXPECT_THAT(out.explanation, StartsWith("GET http://127.0.0.1:" + std::to_string(server.port()) +
                                          "/status answered 404: status 404 in memcached-1"));
}

TEST_F(NetworkMatchers, HttpGetExplainsAWrongBody) {
  LoopbackServer server(testing::http_handler({{"GET /status", {200, "degraded", {}}}}));
  auto out = check(HttpGet(server.port(), "/status", 200, HasSubstr("ok")).Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, HasSubstr("answered 200: body \"degraded\""));
}

TEST_F(NetworkMatchers, HttpGetWithNoListener) {
  int port = testing::free_port();
  auto out = check(HttpGet(port, "/", 200).Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, StartsWith("connection refused on GET http://127.0.0.1:" +
                                          std::to_string(port) + "/ in memcached-1"));
}

TEST_F(NetworkMatchers, HttpRespondsChecksHeadersJsonAndTime) {
  LoopbackServer server(testing::http_handler(
      {{"GET /api", {200, R"({"status":"good","items":[{"id":7}]})", {{"X-Role", "memcached"}}}}}));
  HttpRequest request;
  request.port = server.port();
  request.target = "/api";
  EXPECT_THAT(
      node_,
      HttpResponds(request, AllOf(HttpHeader("x-role", "memcached"), HttpJsonAt("status", "good"),
                                  HttpJsonAt("items/0/id", 7), HttpFasterThan(2000ms))));
  auto out = check(HttpResponds(request, HttpJsonAt("items/0/id", 8)).Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, HasSubstr("answered 200: 7 at JSON path items/0/id"));
  out = check(HttpResponds(request, HttpHeader("X-Missing", "a")).Within(0ms));
  EXPECT_THAT(out.explanation, HasSubstr("no header X-Missing"));
}

TEST_F(NetworkMatchers, NetnsOfAnotherProcessIsEnteredWhenWeAreRoot) {
  // A child in a fresh network namespace: only its loopback exists there, so our listener on
  // 127.0.0.1 is invisible from inside it. Needs root (unshare(CLONE_NEWNET)).
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to create a network namespace";
  LoopbackServer server(testing::stats_handler());
  runtime_.exec("", {"true"}, 1s);  // warm up
  pid_t child = ::fork();
  if (child == 0) {
    if (::unshare(CLONE_NEWNET) != 0) ::_exit(1);
    ::pause();
    ::_exit(0);
  }
  std::this_thread::sleep_for(100ms);
  struct ChildRuntime : testing::LocalRuntime {
    int pid = 0;
    int init_pid(const std::string&) override { return pid; }
  } other;
  other.pid = child;
  ConvergedNode elsewhere = node_;
  elsewhere.runtime = &other;
  auto out = testing::run_matcher(PortOpen(server.port()).Within(0ms), elsewhere);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  EXPECT_FALSE(out.matched);
  // The fresh namespace's loopback is down: the connect never reaches our listener.
  EXPECT_THAT(out.explanation,
              StartsWith("network unreachable on 127.0.0.1:" + std::to_string(server.port())));
  EXPECT_THAT(node_, PortOpen(server.port()));
}

}  // namespace
}  // namespace proofbox::harness
