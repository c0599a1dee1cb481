#include "proofbox/zero/auth/key_source.hpp"

#include <mutex>

namespace proofbox::zero::auth {
namespace {

std::mutex source_mu;
KeyPairSource& current_source() {
  static KeyPairSource source;
  return source;
}

}  // namespace

KeyPair new_key_pair() {
  KeyPairSource source;
  {
    std::lock_guard lock(source_mu);
    source = current_source();
  }
  return source ? source() : generate_key_pair();
}

void set_key_pair_source(KeyPairSource source) {
  std::lock_guard lock(source_mu);
  current_source() = std::move(source);
}

}  // namespace proofbox::zero::auth
