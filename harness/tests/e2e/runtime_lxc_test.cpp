// The runtime contract on LXC, plus what only LXC shows: the bridge and its records.
#include <gmock/gmock.h>

#include <filesystem>

#include "support/runtime_contract.hpp"

namespace proofbox::harness::testing {
namespace {

INSTANTIATE_TEST_SUITE_P(Lxc, RuntimeContract, ::testing::Values("lxc"));

TEST(LxcRuntime, ANetworkIsABridgeWithTheGatewayThatGoesAwayWithIt) {
  auto lxc = make_runtime("lxc");
  RunGuard guard(*lxc, random_run_id("e2e"));
  auto network = lxc->create_network(
      {"proofbox-" + guard.run_id(), {{std::string(kRunLabel), guard.run_id()}}});
  EXPECT_EQ(network.id.rfind("pbx", 0), 0u);
  EXPECT_TRUE(std::filesystem::exists("/sys/class/net/" + network.id + "/bridge"));
  EXPECT_THROW(lxc->create_network({network.name, {}}), RuntimeError);  // names are unique
  lxc->remove_network(network.name);
  EXPECT_FALSE(std::filesystem::exists("/sys/class/net/" + network.id));
  EXPECT_NO_THROW(lxc->remove_network(network.name));
}

TEST(LxcRuntime, AMissingImageIsReportedWithTheFix) {
  auto lxc = make_runtime("lxc");
  RunGuard guard(*lxc, random_run_id("e2e"));
  auto network = lxc->create_network(
      {"proofbox-" + guard.run_id(), {{std::string(kRunLabel), guard.run_id()}}});
  ContainerSpec spec;
  spec.name = "proofbox-" + guard.run_id() + "-x";
  spec.image = "proofbox/absent:000000000000";
  spec.network = network.name;
  try {
    lxc->start_container(spec);
    ADD_FAILURE() << "started a container from an absent image";
  } catch (const RuntimeError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("'proofbox/absent:000000000000'"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("--runtime lxc"));
  }
}

}  // namespace
}  // namespace proofbox::harness::testing
