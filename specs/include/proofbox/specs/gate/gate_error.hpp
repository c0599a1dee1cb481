#pragma once
// What `proofbox gate` reports when it cannot decide what a change affects: not a git work
// tree, an unknown base ref, git missing, a head repo that does not load. The message is the
// one line shown to the user.
#include <stdexcept>
#include <string>

namespace proofbox::specs::gate {

class GateError : public std::runtime_error {
 public:
  explicit GateError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace proofbox::specs::gate
