#pragma once
// The LXC runtime (liblxc): containers under an lxcpath with a copy-on-write rootfs over an
// imported image directory, one isolated Linux bridge per run network.
#include <memory>
#include <optional>
#include <string>

#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness::runtime {

// Why LXC cannot be used here (not root, liblxc unusable...), or nullopt when it can.
std::optional<std::string> lxc_unavailable_reason();

std::unique_ptr<Runtime> make_lxc_runtime();

}  // namespace proofbox::harness::runtime
