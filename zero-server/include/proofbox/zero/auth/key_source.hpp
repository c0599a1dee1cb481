#pragma once
// Where the server's new key pairs come from (org validators, clients and users created with
// create_key). By default each is a freshly generated 2048-bit pair. RSA generation costs tens of
// milliseconds (far more under sanitizers), so test suites that start hundreds of servers swap
// in a source that hands out pre-made pairs.
#include <functional>

#include "proofbox/zero/auth/keys.hpp"

namespace proofbox::zero::auth {

using KeyPairSource = std::function<KeyPair()>;

// A new pair from the current source. Thread-safe.
KeyPair new_key_pair();

// Replaces the source for the whole process; an empty function restores generation.
void set_key_pair_source(KeyPairSource source);

}  // namespace proofbox::zero::auth
