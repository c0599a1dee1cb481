#pragma once
// Picking a free /24 for a run network inside 10.213.0.0/16, avoiding every subnet already in
// use (other runtime networks, host routes). Concurrent runs may still pick the same one; the
// caller retries with that subnet added to `used` when the runtime reports an overlap.
#include <optional>
#include <string>
#include <vector>

namespace proofbox::harness::runtime {

struct Ipv4Cidr {
  unsigned address = 0;  // host byte order
  int prefix = 0;
  static std::optional<Ipv4Cidr> parse(const std::string& text);  // "10.1.2.0/24"
  bool overlaps(const Ipv4Cidr& other) const;
  std::string to_string() const;
};

std::string ipv4_to_string(unsigned address);

struct SubnetChoice {
  std::string subnet;   // 10.213.N.0/24
  std::string gateway;  // 10.213.N.1
};

// The first free /24 at or after `start` (wrapping around the pool), or nullopt when the pool
// is exhausted. Unparseable entries in `used` (IPv6 subnets) are ignored. A random `start`
// keeps concurrent runs from racing for the same subnet.
std::optional<SubnetChoice> choose_subnet(const std::vector<std::string>& used, unsigned start = 0);

// IPv4 destinations of the host's routing table (/proc/net/route), as CIDRs.
std::vector<std::string> host_route_subnets();

}  // namespace proofbox::harness::runtime
