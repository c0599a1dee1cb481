#pragma once
// Where the public keys of clients and users live, and how a request signer's key is found.
// Layout: org collection "client_keys/CLIENT" and server collection "user_keys/USER", each
// mapping a key name ("default", ...) to {"name", "public_key", "expiration_date"}.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/store/store.hpp"

namespace proofbox::zero::api {

std::string client_keys_kind(std::string_view client);
std::string user_keys_kind(std::string_view user);

// Public keys (PEM) that may sign as `actor`: the org's client of that name first, then the
// server's user. Expired keys are left out. Empty when the actor is unknown.
std::vector<std::string> public_keys_for_actor(store::Store& store, store::Org* org,
                                               std::string_view actor);

}  // namespace proofbox::zero::api
