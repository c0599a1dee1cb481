#include "runtime/subnet_choice.hpp"

#include <gtest/gtest.h>

namespace proofbox::harness::runtime {
namespace {

TEST(ChooseSubnet, TakesTheFirstFreeTwentyFourInThePool) {
  auto choice = choose_subnet({"172.17.0.0/16", "192.0.2.0/24"});
  ASSERT_TRUE(choice);
  EXPECT_EQ(choice->subnet, "10.213.0.0/24");
  EXPECT_EQ(choice->gateway, "10.213.0.1");
}

TEST(ChooseSubnet, SkipsSubnetsInUse) {
  auto choice = choose_subnet({"10.213.0.0/24", "10.213.1.128/25", "10.213.2.0/23"});
  ASSERT_TRUE(choice);
  EXPECT_EQ(choice->subnet, "10.213.4.0/24");
}

TEST(ChooseSubnet, StartsWhereAskedAndWrapsAround) {
  auto choice = choose_subnet({"10.213.255.0/24"}, 255);
  ASSERT_TRUE(choice);
  EXPECT_EQ(choice->subnet, "10.213.0.0/24");
  EXPECT_EQ(choose_subnet({}, 77)->subnet, "10.213.77.0/24");
}

TEST(ChooseSubnet, AWiderNetworkCoveringThePoolExhaustsIt) {
  EXPECT_FALSE(choose_subnet({"10.0.0.0/8"}));
  EXPECT_FALSE(choose_subnet({"10.213.0.0/16"}));
}

TEST(ChooseSubnet, IgnoresTheDefaultRouteAndIpv6) {
  auto choice = choose_subnet({"0.0.0.0/0", "fd00::/64", "garbage"}, 5);
  ASSERT_TRUE(choice);
  EXPECT_EQ(choice->subnet, "10.213.5.0/24");
}

TEST(Ipv4Cidr, ParsesAndComparesPrefixes) {
  auto a = Ipv4Cidr::parse("10.213.7.0/24");
  auto b = Ipv4Cidr::parse("10.213.7.200/32");
  auto c = Ipv4Cidr::parse("10.213.8.0/24");
  ASSERT_TRUE(a && b && c);
  EXPECT_TRUE(a->overlaps(*b));
  EXPECT_TRUE(b->overlaps(*a));
  EXPECT_FALSE(a->overlaps(*c));
  EXPECT_EQ(Ipv4Cidr::parse("10.213.7.9/24")->to_string(), "10.213.7.0/24");
  EXPECT_FALSE(Ipv4Cidr::parse("10.213.7.0/33"));
  EXPECT_FALSE(Ipv4Cidr::parse("10.213.7.0/2x"));
}

TEST(HostRouteSubnets, IncludesTheLoopbackFreeRoutesOfThisHost) {
  // Every entry the kernel lists parses back as a CIDR.
  for (const auto& subnet : host_route_subnets()) EXPECT_TRUE(Ipv4Cidr::parse(subnet)) << subnet;
}

}  // namespace
}  // namespace proofbox::harness::runtime
