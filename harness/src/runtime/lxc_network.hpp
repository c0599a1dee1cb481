#pragma once
// LXC run networks: a Linux bridge per run with the gateway address on it, no NAT, and the
// host firewall rules that keep it a dead end (host_firewall.hpp).
#include <optional>
#include <string>

#include "proofbox/harness/runtime.hpp"
#include "runtime/lxc_state.hpp"

namespace proofbox::harness::runtime {

Network create_lxc_network(const LxcPaths& paths, const NetworkSpec& spec);
// Absent networks are not an error.
void remove_lxc_network(const LxcPaths& paths, const std::string& name_or_id);
// The record of a network by name or bridge, if it exists.
std::optional<LxcNetworkRecord> find_lxc_network(const LxcPaths& paths,
                                                 const std::string& name_or_id);
std::vector<LxcNetworkRecord> all_lxc_networks(const LxcPaths& paths);
// Takes the next free address on the network (under its lock): "10.213.7.2".
std::string allocate_lxc_address(const LxcPaths& paths, const std::string& name);

}  // namespace proofbox::harness::runtime
