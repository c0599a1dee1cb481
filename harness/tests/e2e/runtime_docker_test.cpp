// The runtime contract on Docker, plus what only Docker shows: the network is internal and
// its bridge is firewalled.
#include <gmock/gmock.h>

#include "../../src/runtime/process.hpp"
#include "support/runtime_contract.hpp"

namespace proofbox::harness::testing {
namespace {

INSTANTIATE_TEST_SUITE_P(Docker, RuntimeContract, ::testing::Values("docker"));

TEST(DockerRuntime, RunNetworksAreInternalAndTheirRulesGoWithThem) {
  auto docker = make_runtime("docker");
  RunGuard guard(*docker, random_run_id("e2e"));
  auto network = docker->create_network(
      {"proofbox-" + guard.run_id(), {{std::string(kRunLabel), guard.run_id()}}});
  auto inspect = runtime::run_checked(
      {"docker", "network", "inspect", "-f",
       "{{.Internal}} {{index .Options \"com.docker.network.bridge.name\"}}", network.id});
  ASSERT_EQ(inspect.rfind("true pbx", 0), 0u) << inspect;
  auto bridge = inspect.substr(5, 11);
  EXPECT_THAT(runtime::run_checked({"iptables", "-w", "-S", "INPUT"}),
              ::testing::HasSubstr("proofbox:" + bridge));
  docker->remove_network(network.id);
  EXPECT_THAT(runtime::run_checked({"iptables", "-w", "-S", "INPUT"}),
              ::testing::Not(::testing::HasSubstr("proofbox:" + bridge)));
}

}  // namespace
}  // namespace proofbox::harness::testing
