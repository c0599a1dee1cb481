#pragma once
// Host firewall rules that make a run's bridge a dead end: containers on it reach the host only
// at the gateway address (where the in-memory server listens) and nothing is forwarded in or
// out. Docker's internal networks already stop forwarding but still let containers reach every
// other host address (the host's LAN address, say); LXC bridges get no isolation at all
// without these. Rules carry the comment `proofbox:BRIDGE` so removal finds them.
#include <string>
#include <vector>

namespace proofbox::harness::runtime {

// Adds the rules for `bridge` (an interface name) whose host address is `gateway`.
void isolate_bridge(const std::string& bridge, const std::string& gateway);
// Removes every rule added for `bridge`, and the rules of proofbox bridges that no longer
// exist; no rules is not an error.
void remove_bridge_rules(const std::string& bridge);

// The iptables argument lists isolate_bridge adds (exposed for tests).
std::vector<std::vector<std::string>> bridge_rules(const std::string& bridge,
                                                   const std::string& gateway);

// A fresh bridge name: "pbx" and 8 random hex digits (fits IFNAMSIZ).
std::string random_bridge_name();

}  // namespace proofbox::harness::runtime
