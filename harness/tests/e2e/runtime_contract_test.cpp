// What every runtime must do for a run, on real containers (instantiated per runtime in
// runtime_docker_test.cpp and runtime_lxc_test.cpp).
#include "support/runtime_contract.hpp"

#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

namespace proofbox::harness::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

bool in_subnet(const std::string& address, const std::string& subnet) {
  // Enough for the /24s the runtimes allocate.
  auto prefix = subnet.substr(0, subnet.rfind('.') + 1);
  return address.rfind(prefix, 0) == 0 && subnet.ends_with("/24");
}

TEST_P(RuntimeContract, ANetworkHasAGatewayAndAContainerStartsOnIt) {
  auto network = make_network();
  EXPECT_FALSE(network.id.empty());
  EXPECT_TRUE(in_subnet(network.gateway, network.subnet))
      << network.gateway << " " << network.subnet;
  auto started = std::chrono::steady_clock::now();
  auto id = start(network);
  auto start_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  std::cerr << GetParam() << ": container started in " << start_ms << " ms\n";
  auto address = runtime_->address(id);
  EXPECT_TRUE(in_subnet(address, network.subnet)) << address;
  EXPECT_NE(address, network.gateway);
  int pid = runtime_->init_pid(id);
  EXPECT_GT(pid, 1);
  EXPECT_TRUE(std::filesystem::exists("/proc/" + std::to_string(pid) + "/ns/net"));
  auto hostname = sh(id, "hostname; echo $PROOFBOX_ROLE");
  EXPECT_EQ(hostname.output, "node\nnode\n");
}

TEST_P(RuntimeContract, ExecReturnsOutputExitCodeAndReadsInput) {
  auto id = start(make_network());
  auto result = sh(id, "echo to-stdout; echo to-stderr >&2; exit 3");
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_FALSE(result.timed_out);
  EXPECT_THAT(result.output, HasSubstr("to-stdout\n"));
  EXPECT_THAT(result.output, HasSubstr("to-stderr\n"));
  auto cat = runtime_->exec(id, {"/bin/sh", "-c", "tr a-z A-Z"}, std::chrono::seconds(10),
                            "fed through stdin\n");
  EXPECT_EQ(cat.exit_code, 0);
  EXPECT_EQ(cat.output, "FED THROUGH STDIN\n");
  std::string big(200000, 'x');
  auto large = runtime_->exec(id, {"/bin/sh", "-c", "wc -c"}, std::chrono::seconds(10), big);
  EXPECT_EQ(large.output, "200000\n");
}

TEST_P(RuntimeContract, ExecIsKilledAtItsTimeout) {
  auto id = start(make_network());
  auto started = std::chrono::steady_clock::now();
  auto result = sh(id, "echo before; sleep 60; echo after", std::chrono::milliseconds(1500));
  auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_TRUE(result.timed_out);
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("before"));
  EXPECT_THAT(result.output, Not(HasSubstr("after")));
  EXPECT_LT(elapsed, std::chrono::seconds(8));
  // Nothing of it keeps running.
  EXPECT_EQ(sh(id, "ps -eo args | grep -c '^sleep 60' || true").output, "0\n");
}

TEST_P(RuntimeContract, ExecEndsWhenTheCommandExitsThoughADaemonKeepsItsOutputOpen) {
  auto id = start(make_network());
  auto started = std::chrono::steady_clock::now();
  auto result = sh(id, "sleep 30 & echo started", std::chrono::seconds(20));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  EXPECT_FALSE(result.timed_out);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output, "started\n");
  // The daemon lives on: starting services is what bootstrap scripts do.
  EXPECT_EQ(sh(id, "ps -eo args | grep -c '^sleep 30'").output, "1\n");
}

TEST_P(RuntimeContract, PutFileWritesContentWithItsMode) {
  auto id = start(make_network());
  runtime_->put_file(id, "/etc/proofbox/keys/validation.pem", "-----BEGIN KEY-----\nabc\n", 0600);
  runtime_->put_file(id, "/tmp/run.sh", "#!/bin/sh\necho ran\n", 0755);
  auto stat = sh(id, "stat -c '%a %U' /etc/proofbox/keys/validation.pem /tmp/run.sh");
  EXPECT_EQ(stat.output, "600 root\n755 root\n");
  EXPECT_EQ(sh(id, "cat /etc/proofbox/keys/validation.pem").output, "-----BEGIN KEY-----\nabc\n");
  EXPECT_EQ(sh(id, "/tmp/run.sh").output, "ran\n");
  // /tmp keeps its sticky world-writable mode: only the file was written.
  EXPECT_EQ(sh(id, "stat -c %a /tmp").output, "1777\n");
}

TEST_P(RuntimeContract, MountsAHostDirectoryReadOnlyAndEnvironmentIntoExec) {
  auto host_dir = std::filesystem::temp_directory_path() / ("pbx-mount-" + run_id());
  std::filesystem::create_directories(host_dir);
  { std::ofstream(host_dir / "agent.sh") << "echo from the host\n"; }
  auto network = make_network();
  ContainerSpec spec;
  spec.name = "proofbox-" + run_id() + "-mounted";
  spec.hostname = "mounted";
  spec.image = image_;
  spec.network = network.name;
  spec.labels = labels();
  spec.env = {{"CHEF_SERVER_URL", "http://" + network.gateway + ":8889"}};
  spec.mounts = {{host_dir.string(), "/opt/proofbox", true}};
  auto id = runtime_->start_container(spec);
  EXPECT_EQ(sh(id, "sh /opt/proofbox/agent.sh").output, "from the host\n");
  EXPECT_NE(sh(id, "touch /opt/proofbox/written").exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(host_dir / "written"));
  EXPECT_EQ(sh(id, "echo $CHEF_SERVER_URL").output, "http://" + network.gateway + ":8889\n");
  runtime_->remove_container(id);
  std::filesystem::remove_all(host_dir);
}

TEST_P(RuntimeContract, TheGatewayIsReachableAndNothingElse) {
  auto network = make_network();
  auto id = start(network);
  GreetingServer on_gateway(network.gateway, "hello from the gateway\n");
  auto reply = sh(
      id, "nc -w 3 " + network.gateway + " " + std::to_string(on_gateway.port()) + " </dev/null");
  EXPECT_EQ(reply.output, "hello from the gateway\n") << "exit " << reply.exit_code;

  auto lan = host_default_route_address();
  ASSERT_FALSE(lan.empty()) << "this host has no default route to test against";
  GreetingServer on_lan(lan, "leaked\n");
  auto leak = sh(id, "nc -w 2 " + lan + " " + std::to_string(on_lan.port()) + " </dev/null");
  EXPECT_NE(leak.exit_code, 0);
  EXPECT_THAT(leak.output, Not(HasSubstr("leaked")));
  EXPECT_EQ(on_lan.accepted(), 0);

  auto outside = sh(id, "nc -w 2 10.99.99.99 80 </dev/null");
  EXPECT_NE(outside.exit_code, 0);
}

TEST_P(RuntimeContract, ConcurrentRunsGetDistinctNetworks) {
  // Four runs creating their networks at the same moment (one guard covers them: same label).
  std::vector<Network> networks(4);
  std::vector<std::string> errors(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < networks.size(); ++i) {
    threads.emplace_back([&, i] {
      try {
        networks[i] =
            runtime_->create_network({"proofbox-" + run_id() + "-" + std::to_string(i), labels()});
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> subnets, names;
  for (size_t i = 0; i < networks.size(); ++i) {
    EXPECT_EQ(errors[i], "");
    subnets.insert(networks[i].subnet);
    names.insert(networks[i].name);
  }
  EXPECT_EQ(subnets.size(), 4u);
  EXPECT_EQ(names.size(), 4u);
  EXPECT_EQ(runtime_->list_leftovers(run_id()).size(), 4u);
}

TEST_P(RuntimeContract, LeftoversAreListedByRunIdAndRemoved) {
  auto network = make_network();
  auto id = start(network);
  auto leftovers = runtime_->list_leftovers(run_id());
  ASSERT_EQ(leftovers.size(), 2u);
  int containers = 0, networks = 0;
  for (const auto& l : leftovers) {
    EXPECT_EQ(l.run_id, run_id());
    if (l.kind == Leftover::Kind::kContainer) {
      ++containers;
      EXPECT_EQ(l.name, "proofbox-" + run_id() + "-node");
    } else {
      ++networks;
      EXPECT_EQ(l.name, network.name);
    }
  }
  EXPECT_EQ(containers, 1);
  EXPECT_EQ(networks, 1);
  EXPECT_TRUE(runtime_->list_leftovers(random_run_id("other")).empty());
  // Every run's leftovers include this one's.
  EXPECT_GE(runtime_->list_leftovers(std::nullopt).size(), 2u);

  runtime_->remove_container(id);
  runtime_->remove_container(id);  // absent now: not an error
  runtime_->remove_network(network.name);
  EXPECT_TRUE(runtime_->list_leftovers(run_id()).empty());
  EXPECT_THROW(runtime_->exec(id, {"true"}, std::chrono::seconds(5)), RuntimeError);
}

}  // namespace
}  // namespace proofbox::harness::testing
