// The converge lifecycle against a mocked runtime: order, concurrency, failures, timeouts,
// teardown on every path, cancellation, and the run record.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "proofbox/harness/converge.hpp"
#include "proofbox/harness/run_state.hpp"
#include "proofbox/harness/stop_signals.hpp"
#include "support/mock_runtime.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::harness {
namespace {

using backup::testing::TempDir;
using backup::testing::write_file;
using ::testing::_;
using ::testing::AnyNumber;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Invoke;
using testing::MockRuntime;
using ::testing::NiceMock;
using namespace std::chrono_literals;

specs::CaseResult passed_case(const std::string& name, const std::string& classname) {
  specs::CaseResult result;
  result.name = name;
  result.classname = classname;
  return result;
}

// A chef-repo holding one role file per name and a proofbox.yml.
class ConvergeRunTest : public ::testing::Test {
 protected:
  void make_repo(const std::vector<std::string>& roles, const std::string& config) {
    for (const auto& role : roles)
      write_file(repo / ("roles/" + role + ".json"),
                 nlohmann::json{{"name", role},
                                {"json_class", "Chef::Role"},
                                {"chef_type", "role"},
                                {"run_list", nlohmann::json::array()}}
                     .dump());
    write_file(repo / "proofbox.yml", "image: proofbox/test:1\n" + config);
  }

  ConvergeOptions options(std::vector<std::string> roles, KeepPolicy keep = KeepPolicy::kNever) {
    ConvergeOptions opts;
    opts.repo = repo.path();
    opts.config = load_converge_config(repo.path());
    opts.roles = std::move(roles);
    opts.keep = keep;
    if (getenv("PROOFBOX_TEST_PROGRESS")) opts.progress = &std::cerr;
    opts.render = [](const NodeBootstrap& node) {
      return "#!/bin/sh\n# node " + node.node_name + " server " + node.server_url + " env " +
             node.environment + " validator " + node.validation_client_name + "\n";
    };
    return opts;
  }

  // Events that start with `prefix`, in order.
  std::vector<std::string> events_starting(const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& event : runtime.events())
      if (event.rfind(prefix, 0) == 0) out.push_back(event);
    return out;
  }

  std::size_t event_index(const std::string& event) {
    const auto events = runtime.events();
    return std::find(events.begin(), events.end(), event) - events.begin();
  }

  std::vector<nlohmann::json> record(const RunResult& result) {
    std::vector<nlohmann::json> lines;
    std::ifstream in(result.output_dir / "run.jsonl");
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }

  const NodeResult& node(const RunResult& result, const std::string& role) {
    for (const auto& n : result.nodes)
      if (n.role == role) return n;
    throw std::runtime_error("no node " + role);
  }

  void SetUp() override { runtime.simulate(); }

  TempDir repo;
  NiceMock<MockRuntime> runtime;
};

TEST_F(ConvergeRunTest, ConvergesEachRoleInItsOwnContainerAndTearsDown) {
  make_repo({"memcached", "web"}, "roles:\n  web:\n    environment: production\n");
  ConvergeRun run(runtime, options({"memcached", "web"}));
  std::vector<std::pair<std::string, std::string>> scripts;
  EXPECT_CALL(runtime, put_file(_, std::string(kBootstrapPath), _, 0600u))
      .Times(2)
      .WillRepeatedly(Invoke(
          [&](const std::string& id, const std::string&, std::string_view content, unsigned) {
            scripts.emplace_back(runtime.role_of(id), std::string(content));
          }));
  const RunResult result = run.run();
  EXPECT_TRUE(result.ok()) << result.error;
  ASSERT_EQ(result.nodes.size(), 2u);
  EXPECT_EQ(node(result, "web").state, "converged");
  EXPECT_EQ(node(result, "web").node_name, "web-1");
  EXPECT_EQ(node(result, "web").container_name, "proofbox-" + result.run_id + "-web");
  ASSERT_EQ(scripts.size(), 2u);
  for (const auto& [role, script] : scripts) {
    EXPECT_THAT(script, HasSubstr("node " + role + "-1 server http://127.0.0.1:"));
    EXPECT_THAT(script, HasSubstr("/organizations/chef"));
    EXPECT_THAT(script, HasSubstr("validator chef-validator"));
    EXPECT_THAT(script, HasSubstr(role == "web" ? "env production" : "env _default"));
  }
  EXPECT_EQ(runtime.container_count(), 0u);
  EXPECT_EQ(runtime.network_count(), 0u);
  EXPECT_TRUE(result.network.empty());
  EXPECT_EQ(result.run_id.size(), 8u);
  EXPECT_TRUE(std::filesystem::exists(result.output_dir / "memcached.bootstrap.log"));
  EXPECT_TRUE(std::filesystem::exists(result.output_dir / "web.converge.log"));
  EXPECT_TRUE(std::filesystem::exists(result.output_dir / "server" / "manifest.json"));
  EXPECT_EQ(std::filesystem::read_symlink(result.output_dir.parent_path() / "latest"),
            result.run_id);
}

TEST_F(ConvergeRunTest, ContainersCarryTheRunLabelAndTheNodeName) {
  make_repo({"web"}, "");
  std::vector<ContainerSpec> specs;
  ON_CALL(runtime, start_container(_)).WillByDefault(Invoke([&](const ContainerSpec& spec) {
    specs.push_back(spec);
    std::lock_guard lock(runtime.state->mu);
    runtime.state->containers["c1"] = MockRuntime::Container{spec, {}};
    return std::string("c1");
  }));
  ConvergeRun run(runtime, options({"web"}));
  const RunResult result = run.run();
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].labels.at("proofbox.run"), result.run_id);
  EXPECT_EQ(specs[0].hostname, "web-1");
  EXPECT_EQ(specs[0].image, "proofbox/test:1");
  EXPECT_EQ(specs[0].network, "proofbox-" + result.run_id);
}

TEST_F(ConvergeRunTest, AfterOrdersRoles) {
  make_repo({"db", "web", "app"}, "roles:\n  web:\n    after: [db]\n  app:\n    after: [web]\n");
  runtime.on_bootstrap = [](const ContainerSpec&) {
    std::this_thread::sleep_for(20ms);
    return ExecResult{0, "ok\n", false};
  };
  ConvergeRun run(runtime, options({"app", "db", "web"}));
  const RunResult result = run.run();
  ASSERT_TRUE(result.ok()) << result.error;
  EXPECT_LT(event_index("exit db"), event_index("start web"));
  EXPECT_LT(event_index("exit web"), event_index("start app"));
  EXPECT_THAT(events_starting("exec "), ElementsAre("exec db", "exec web", "exec app"));
}

TEST_F(ConvergeRunTest, JobsLimitsHowManyRolesRunAtOnce) {
  make_repo({"a", "b", "c", "d", "e"}, "");
  runtime.on_bootstrap = [](const ContainerSpec&) {
    std::this_thread::sleep_for(60ms);
    return ExecResult{0, "ok\n", false};
  };
  auto opts = options({"a", "b", "c", "d", "e"});
  opts.jobs = 2;
  ConvergeRun run(runtime, opts);
  ASSERT_TRUE(run.run().ok());
  EXPECT_EQ(runtime.state->max_running_execs, 2);

  NiceMock<MockRuntime> wide;
  wide.simulate();
  wide.on_bootstrap = runtime.on_bootstrap;
  auto all = options({"a", "b", "c", "d", "e"});  // jobs 0: one per role
  ConvergeRun parallel(wide, all);
  ASSERT_TRUE(parallel.run().ok());
  EXPECT_EQ(wide.state->max_running_execs, 5);
}

TEST_F(ConvergeRunTest, AFailedRoleSkipsItsDependentsOnly) {
  make_repo({"db", "web", "app", "cache"},
            "roles:\n  web:\n    after: [db]\n  app:\n    after: [web]\n");
  runtime.on_bootstrap = [](const ContainerSpec& spec) {
    if (spec.hostname == "db-1") return ExecResult{3, "FATAL: recipe db::default failed\n", false};
    return ExecResult{0, "ok\n", false};
  };
  ConvergeRun run(runtime, options({"app", "cache", "db", "web"}));
  const RunResult result = run.run();
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(node(result, "db").state, "failed");
  EXPECT_EQ(node(result, "db").phase, "bootstrap");
  EXPECT_THAT(node(result, "db").message, HasSubstr("bootstrap exited with status 3"));
  EXPECT_THAT(node(result, "db").log_tail, HasSubstr("recipe db::default failed"));
  EXPECT_EQ(node(result, "web").state, "skipped");
  EXPECT_EQ(node(result, "web").message, "waits for db, which failed");
  EXPECT_EQ(node(result, "app").state, "skipped");
  EXPECT_EQ(node(result, "app").message, "waits for web, which was skipped");
  EXPECT_EQ(node(result, "cache").state, "converged");
  EXPECT_THAT(events_starting("start "),
              ::testing::UnorderedElementsAre("start cache", "start db"));
  EXPECT_EQ(runtime.container_count(), 0u);
  EXPECT_EQ(runtime.network_count(), 0u);
}

TEST_F(ConvergeRunTest, ARoleTimeoutFailsTheNodeAndTheRunStillTearsDown) {
  make_repo({"slow", "fast"}, "roles:\n  slow:\n    timeout: 7\n");
  std::chrono::milliseconds slow_timeout{0};
  ON_CALL(runtime, exec(_, ElementsAre("/bin/sh", _), _, _))
      .WillByDefault(Invoke([&](const std::string& id, const std::vector<std::string>&,
                                std::chrono::milliseconds timeout, std::string_view) {
        if (runtime.role_of(id) == "slow") {
          slow_timeout = timeout;
          return ExecResult{-1, "still converging\n", true};
        }
        return ExecResult{0, "ok\n", false};
      }));
  ConvergeRun run(runtime, options({"fast", "slow"}));
  const RunResult result = run.run();
  EXPECT_EQ(slow_timeout, 7s);
  EXPECT_EQ(node(result, "slow").state, "failed");
  EXPECT_THAT(node(result, "slow").message, HasSubstr("timed out after 7.0 s"));
  EXPECT_EQ(node(result, "fast").state, "converged");
  EXPECT_EQ(runtime.container_count(), 0u);
  EXPECT_EQ(runtime.network_count(), 0u);
}

TEST_F(ConvergeRunTest, TheRunTimeoutCancelsRunningExecsAndTearsDown) {
  make_repo({"stuck"}, "timeout: 4\n");
  runtime.on_bootstrap = [&](const ContainerSpec& spec) {
    std::string id;
    {
      std::lock_guard lock(runtime.state->mu);
      for (const auto& [cid, c] : runtime.state->containers)
        if (c.spec.name == spec.name) id = cid;
    }
    return runtime.wait_until_removed(id, 30s);
  };
  ConvergeRun run(runtime, options({"stuck"}));
  const auto start = std::chrono::steady_clock::now();
  const RunResult result = run.run();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  EXPECT_TRUE(result.cancelled);
  EXPECT_THAT(result.cancel_reason, HasSubstr("timeout of 4 s"));
  EXPECT_EQ(node(result, "stuck").state, "failed");
  EXPECT_EQ(runtime.container_count(), 0u);
  EXPECT_EQ(runtime.network_count(), 0u);
}

TEST_F(ConvergeRunTest, TeardownRemovesEverythingWhenAnExecThrows) {
  make_repo({"a", "b"}, "");
  runtime.on_bootstrap = [](const ContainerSpec& spec) -> ExecResult {
    if (spec.hostname == "a-1") throw RuntimeError("exec in a-1: connection reset");
    return ExecResult{0, "ok\n", false};
  };
  ConvergeRun run(runtime, options({"a", "b"}, KeepPolicy::kNever));
  const RunResult result = run.run();
  EXPECT_EQ(node(result, "a").state, "failed");
  EXPECT_THAT(node(result, "a").message, HasSubstr("connection reset"));
  EXPECT_EQ(runtime.container_count(), 0u);
  EXPECT_EQ(runtime.network_count(), 0u);
}

TEST_F(ConvergeRunTest, TeardownWhenTheNetworkCannotBeCreated) {
  make_repo({"a"}, "");
  ON_CALL(runtime, create_network(_)).WillByDefault(Invoke([](const NetworkSpec&) -> Network {
    throw RuntimeError("network proofbox-x: no free subnet");
  }));
  EXPECT_CALL(runtime, start_container(_)).Times(0);
  ConvergeRun run(runtime, options({"a"}, KeepPolicy::kAlways));
  const RunResult result = run.run();
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(result.error, HasSubstr("no free subnet"));
  EXPECT_EQ(runtime.container_count(), 0u);
}

TEST_F(ConvergeRunTest, ARepoThatDoesNotLoadStopsBeforeAnyContainer) {
  make_repo({"a"}, "");
  write_file(repo / "roles/broken.json", "{ not json");
  EXPECT_CALL(runtime, create_network(_)).Times(0);
  EXPECT_CALL(runtime, start_container(_)).Times(0);
  ConvergeRun run(runtime, options({"a"}));
  const RunResult result = run.run();
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(result.error, HasSubstr("broken.json"));
}

TEST_F(ConvergeRunTest, KeepFailingKeepsOnlyFailedContainersAndTheirNetwork) {
  make_repo({"good", "bad"}, "");
  runtime.on_bootstrap = [](const ContainerSpec& spec) {
    return spec.hostname == "bad-1" ? ExecResult{1, "boom\n", false} : ExecResult{0, "ok\n", false};
  };
  ConvergeRun run(runtime, options({"bad", "good"}, KeepPolicy::kFailing));
  const RunResult result = run.run();
  EXPECT_TRUE(node(result, "bad").kept);
  EXPECT_FALSE(node(result, "good").kept);
  EXPECT_EQ(runtime.container_count(), 1u);
  EXPECT_EQ(runtime.network_count(), 1u);
  EXPECT_EQ(result.network, "proofbox-" + result.run_id);

  const RunState state = read_run_state(result.output_dir / "state.json");
  EXPECT_EQ(state.run_id, result.run_id);
  EXPECT_EQ(state.runtime, "mock");
  EXPECT_EQ(state.network, result.network);
  ASSERT_NE(state.node("bad"), nullptr);
  EXPECT_TRUE(state.node("bad")->kept);
  EXPECT_EQ(state.node("bad")->container_id, node(result, "bad").container_id);
  EXPECT_FALSE(state.node("good")->kept);
  EXPECT_EQ(latest_run_dir(result.output_dir.parent_path()),
            std::filesystem::canonical(result.output_dir));
}

TEST_F(ConvergeRunTest, KeepAlwaysKeepsEveryContainer) {
  make_repo({"a", "b"}, "");
  ConvergeRun run(runtime, options({"a", "b"}, KeepPolicy::kAlways));
  const RunResult result = run.run();
  EXPECT_TRUE(result.ok());
  EXPECT_EQ(runtime.container_count(), 2u);
  EXPECT_EQ(runtime.network_count(), 1u);
  EXPECT_TRUE(read_run_state(result.output_dir / "state.json").node("a")->kept);
}

TEST_F(ConvergeRunTest, CancelRemovesContainersPromptlyAndSkipsTheRest) {
  make_repo({"first", "second"}, "roles:\n  second:\n    after: [first]\n");
  std::promise<void> exec_started;
  runtime.on_bootstrap = [&](const ContainerSpec&) {
    std::string id;
    {
      std::lock_guard lock(runtime.state->mu);
      id = runtime.state->containers.begin()->first;
    }
    exec_started.set_value();
    return runtime.wait_until_removed(id, 60s);
  };
  ConvergeRun run(runtime, options({"first", "second"}, KeepPolicy::kAlways));
  auto result_future = std::async(std::launch::async, [&] { return run.run(); });
  exec_started.get_future().wait();
  const auto start = std::chrono::steady_clock::now();
  run.cancel("SIGINT");
  const RunResult result = result_future.get();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  EXPECT_TRUE(result.cancelled);
  EXPECT_EQ(result.cancel_reason, "SIGINT");
  EXPECT_EQ(node(result, "first").state, "failed");
  EXPECT_THAT(node(result, "first").message, HasSubstr("cancelled"));
  EXPECT_EQ(node(result, "second").state, "skipped");
  EXPECT_EQ(node(result, "second").message, "the run was cancelled");
  // Cancelled runs keep nothing, whatever --keep says.
  EXPECT_EQ(runtime.container_count(), 0u);
  EXPECT_EQ(runtime.network_count(), 0u);
}

TEST_F(ConvergeRunTest, SigintMidRunTearsDownThroughTheSignalWatcher) {
  make_repo({"a", "b"}, "");
  std::atomic<int> started{0};
  runtime.on_bootstrap = [&](const ContainerSpec& spec) {
    std::string id;
    {
      std::lock_guard lock(runtime.state->mu);
      for (const auto& [cid, c] : runtime.state->containers)
        if (c.spec.name == spec.name) id = cid;
    }
    ++started;
    return runtime.wait_until_removed(id, 60s);
  };
  // As the command does: the watcher first (signals blocked in every thread made after it).
  StopSignalWatcher watcher(nullptr);
  ConvergeRun run(runtime, options({"a", "b"}, KeepPolicy::kAlways));
  watcher.set_handler([&](const std::string& signal) { run.cancel(signal); });
  std::thread raiser([&] {
    while (started < 2) std::this_thread::sleep_for(5ms);
    kill(getpid(), SIGINT);
  });
  const RunResult result = run.run();
  watcher.set_handler(nullptr);  // `run` goes before the watcher
  raiser.join();
  EXPECT_EQ(watcher.received(), SIGINT);
  EXPECT_TRUE(result.cancelled);
  EXPECT_EQ(result.cancel_reason, "SIGINT");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(runtime.container_count(), 0u);
  EXPECT_EQ(runtime.network_count(), 0u);
}

TEST_F(ConvergeRunTest, TheRunRecordHasEveryTransition) {
  make_repo({"ok", "bad", "after_bad"}, "roles:\n  after_bad:\n    after: [bad]\n");
  runtime.on_bootstrap = [](const ContainerSpec& spec) {
    std::this_thread::sleep_for(10ms);
    return spec.hostname == "bad-1" ? ExecResult{2, "no\n", false} : ExecResult{0, "ok\n", false};
  };
  auto opts = options({"after_bad", "bad", "ok"});
  opts.verify = [](const ConvergedNode& node) {
    specs::SuiteResult suite;
    suite.cases.push_back(passed_case("port 11211 is open", node.role));
    return suite;
  };
  ConvergeRun run(runtime, opts);
  const RunResult result = run.run();
  const auto lines = record(result);
  std::map<std::string, std::vector<std::string>> states;
  for (const auto& line : lines) {
    EXPECT_EQ(line.at("run"), result.run_id);
    EXPECT_TRUE(line.at("time").get<std::string>().ends_with("Z"));
    EXPECT_GE(line.at("duration_ms").get<long>(), 0);
    states[line.at("role")].push_back(line.at("state"));
  }
  EXPECT_THAT(states["ok"], ElementsAre("created", "bootstrapping", "converged", "verifying",
                                        "passed", "destroyed"));
  EXPECT_THAT(states["bad"], ElementsAre("created", "bootstrapping", "failed", "destroyed"));
  EXPECT_THAT(states["after_bad"], ElementsAre("skipped"));
  EXPECT_EQ(node(result, "after_bad").node_name, "after-bad-1");
  for (const auto& line : lines) {
    if (line.at("role") == "ok" && line.at("state") == "converged") {
      EXPECT_EQ(line.at("outcome"), "ok");
      EXPECT_GE(line.at("duration_ms").get<long>(), 10);  // the bootstrap phase it ends
    }
    if (line.at("role") == "bad" && line.at("state") == "failed") {
      EXPECT_EQ(line.at("outcome"), "failed");
      EXPECT_THAT(line.at("message").get<std::string>(), HasSubstr("status 2"));
    }
  }
}

TEST_F(ConvergeRunTest, AFailedVerificationFailsTheNode) {
  make_repo({"web"}, "");
  auto opts = options({"web"});
  opts.verify = [](const ConvergedNode& node) {
    EXPECT_EQ(node.node_name, "web-1");
    EXPECT_NE(node.runtime, nullptr);
    specs::SuiteResult suite;
    suite.cases.push_back(passed_case("port 80 is open", "web"));
    specs::CaseResult failed = passed_case("GET / has ok", "web");
    failed.outcome = specs::Outcome::kFailed;
    failed.message = "got 502";
    suite.cases.push_back(failed);
    return suite;
  };
  ConvergeRun run(runtime, opts);
  const RunResult result = run.run();
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(node(result, "web").state, "failed");
  EXPECT_EQ(node(result, "web").phase, "verify");
  EXPECT_THAT(node(result, "web").message, HasSubstr("1 of 2 functional checks failed"));
  EXPECT_EQ(node(result, "web").verification.cases.size(), 2u);
}

TEST(NodeNames, AreValidHostNames) {
  EXPECT_EQ(node_name_for("memcached"), "memcached-1");
  EXPECT_EQ(node_name_for("Web_Front"), "web-front-1");
  EXPECT_EQ(node_name_for("__x"), "x-1");
  EXPECT_EQ(node_name_for("___"), "node-1");
  EXPECT_EQ(node_name_for(std::string(100, 'a')).size(), 42u);
}

TEST(KeepPolicy, ParsesTheThreeValues) {
  EXPECT_EQ(parse_keep_policy("failing"), KeepPolicy::kFailing);
  EXPECT_EQ(parse_keep_policy("always"), KeepPolicy::kAlways);
  EXPECT_EQ(parse_keep_policy("never"), KeepPolicy::kNever);
  EXPECT_THROW(parse_keep_policy("sometimes"), std::invalid_argument);
}

}  // namespace
}  // namespace proofbox::harness
