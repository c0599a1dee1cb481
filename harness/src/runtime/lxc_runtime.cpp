#include "runtime/lxc_runtime.hpp"

namespace proofbox::harness::runtime {

std::optional<std::string> lxc_unavailable_reason() {
  return "the LXC runtime is not built into this proofbox yet";
}

std::unique_ptr<Runtime> make_lxc_runtime() {
  throw RuntimeError("lxc: the LXC runtime is not built into this proofbox yet");
}

}  // namespace proofbox::harness::runtime
