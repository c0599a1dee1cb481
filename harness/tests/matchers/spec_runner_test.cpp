// run_functional_specs: one CaseResult per check with the expectation and the actual value,
// a file that does not load as one errored case, and a smolder file run unmodified in a
// private network namespace where its fixed ports live.
#include "proofbox/harness/functional_specs.hpp"
#include "support/loopback_servers.hpp"
#include "support/node_fixture.hpp"
#include "support/private_netns.hpp"
#include "support/temp_files.hpp"

namespace proofbox::harness {
namespace {

using namespace std::chrono_literals;
using specs::Outcome;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

const std::filesystem::path kFixtures = std::filesystem::path(PROOFBOX_SOURCE_DIR) / "fixtures";

class SpecRunner : public testing::LocalNodeTest {};

TEST_F(SpecRunner, OneCasePerCheckWithExpectationAndActual) {
  testing::LoopbackServer stats(testing::stats_handler());
  testing::LoopbackServer web(testing::http_handler({{"GET /status", {200, "ok", {}}}}));
  int closed = testing::free_port();
  testing::TempDir dir;
  auto spec = dir.write("memcached.yml",
                        "within: 200ms\nport:\n  " + std::to_string(stats.port()) + ": {}\n  " +
                            std::to_string(closed) + ": {listening: true}\nreplies:\n  " +
                            std::to_string(stats.port()) +
                            ": {send: \"stats\\r\\n\", expect: STAT pid}\nhttp:\n  "
                            "http://node:" +
                            std::to_string(web.port()) +
                            "/status: {status: 200, body: ok}\ncommand:\n  "
                            "exit 4: {exit-status: 0}\n");
  auto broken = dir.write("broken.yml", "port:\n  11211: {listen: true}\n");
  auto suite = run_functional_specs(node_, {spec, broken});
  EXPECT_EQ(suite.name, "functional: memcached");
  ASSERT_EQ(suite.cases.size(), 6u);
  const auto& open = suite.cases[0];
  EXPECT_EQ(open.outcome, Outcome::kPassed);
  EXPECT_EQ(open.name, "port " + std::to_string(stats.port()) + " listening");
  EXPECT_EQ(open.classname, "memcached");
  EXPECT_EQ(open.file, spec.string());
  EXPECT_EQ(open.line, 3);
  EXPECT_TRUE(open.message.empty());

  const auto& refused = suite.cases[1];
  EXPECT_EQ(refused.outcome, Outcome::kFailed);
  EXPECT_EQ(refused.line, 4);
  EXPECT_THAT(refused.message,
              MatchesRegex("expected: memcached-1 has TCP port " + std::to_string(closed) +
                           " open \\(a connect to 127\\.0\\.0\\.1 inside its network namespace "
                           "succeeds\\)\n  actual: connection refused on 127\\.0\\.0\\.1:" +
                           std::to_string(closed) +
                           " in memcached-1 after (0\\.[2-9]|1\\.[0-9]) s, [2-9] attempts"));
  EXPECT_GE(refused.duration, 150ms);

  EXPECT_EQ(suite.cases[2].outcome, Outcome::kPassed) << suite.cases[2].message;
  EXPECT_EQ(suite.cases[3].outcome, Outcome::kPassed) << suite.cases[3].message;
  EXPECT_EQ(suite.cases[4].outcome, Outcome::kFailed);
  EXPECT_THAT(suite.cases[4].message, HasSubstr("actual: `exit 4` exited 4 with output \"\""));

  const auto& load = suite.cases[5];
  EXPECT_EQ(load.outcome, Outcome::kError);
  EXPECT_EQ(load.name, "load broken.yml");
  EXPECT_EQ(load.line, 2);
  EXPECT_THAT(load.message, StartsWith(broken.string() + ":2: unknown key \"listen\""));
}

TEST_F(SpecRunner, VerifyRoleRunsTheRoleFilesOfARepo) {
  testing::TempDir repo;
  auto conf = repo.write("memcached.conf", "-p 11211\n");
  repo.write("spec/functional/memcached.yml",
             "file:\n  " + conf.string() + ": {contains: \"-p 11211\"}\n");
  repo.write("spec/functional/memcached/extra.yml", "command:\n  \"true\": {}\n");
  repo.write("spec/functional/web.yml", "command:\n  \"false\": {}\n");
  auto suite = verify_role(node_, repo.path());
  ASSERT_EQ(suite.cases.size(), 2u);
  EXPECT_EQ(suite.cases[0].name, "file " + conf.string());
  EXPECT_EQ(suite.cases[0].outcome, Outcome::kPassed) << suite.cases[0].message;
  EXPECT_EQ(suite.cases[1].name, "command `true`");
  EXPECT_EQ(suite.cases[1].outcome, Outcome::kPassed) << suite.cases[1].message;
}

TEST_F(SpecRunner, SmolderFixtureRunsUnmodifiedInsideTheNodesNamespace) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to create a network namespace";
  testing::PrivateNetns netns;
  using testing::HttpRoute;
  testing::LoopbackServer app(
      netns.listen_tcp(8080),
      testing::http_handler({{"GET /status", {200, "OK\n", {}}},
                             {"GET /status.json",
                              {200,
                               R"({"status":"good","checks":[{"name":"memcached"}]})",
                               {{"Content-Type", "application/json"}}}},
                             {"GET /admin", {401, "login required", {}}}}));
  testing::LoopbackServer front(
      netns.listen_tcp(80),
      testing::http_handler({{"GET /old", {301, "", {{"Location", "http://node/status"}}}}}));
  testing::LoopbackServer memcached(netns.listen_tcp(11211), testing::stats_handler());
  testing::NetnsRuntime runtime(netns.pid());
  node_.runtime = &runtime;
  matcher_settings().within = 2s;

  auto suite = run_functional_specs(node_, {kFixtures / "functional" / "smolder_status.yaml"});
  ASSERT_EQ(suite.cases.size(), 6u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(suite.cases[i].outcome, Outcome::kPassed)
        << suite.cases[i].name << ": " << suite.cases[i].message;
  }
  EXPECT_EQ(suite.cases[5].outcome, Outcome::kSkipped);
  EXPECT_EQ(suite.cases[5].message, "protocol noop");

  // The same file against this process's namespace, where nothing listens on those ports
  // (unless the machine itself runs a memcached).
  auto host = tcp_connect(0, "127.0.0.1", 11211, 500ms);
  if (host.connected()) {
    ::close(host.fd);
    return;
  }
  node_.runtime = &runtime_;
  matcher_settings().within = 0ms;
  auto elsewhere = run_functional_specs(node_, {kFixtures / "functional" / "smolder_status.yaml"});
  ASSERT_EQ(elsewhere.cases.size(), 6u);
  EXPECT_EQ(elsewhere.cases[4].outcome, Outcome::kFailed);
  EXPECT_THAT(elsewhere.cases[4].message,
              HasSubstr("actual: connection refused on 127.0.0.1:11211 in memcached-1"));
}

}  // namespace
}  // namespace proofbox::harness
