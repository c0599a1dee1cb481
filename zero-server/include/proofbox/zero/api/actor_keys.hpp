#pragma once
// Where the public keys of clients and users live, and how a request signer's key is found.
// Layout: org collection "client_keys/CLIENT" and server collection "user_keys/USER", each
// mapping a key name ("default", ...) to {"name", "public_key", "expiration_date"}.
//
// Also the key rules clients and users share (erchef chef_key.erl, chef_key_base.erl,
// oc_chef_wm_keys.erl, oc_chef_wm_named_key.erl, oc_chef_wm_key_base.erl): which key an actor
// gets when it is created, the shape of the answers, and the /keys and /keys/K endpoints.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/json.hpp"
#include "proofbox/zero/store/store.hpp"

namespace proofbox::zero::api {

inline constexpr std::string_view kDefaultKeyName = "default";
inline constexpr std::string_view kInfinity = "infinity";

std::string client_keys_kind(std::string_view client);
std::string user_keys_kind(std::string_view user);

// Public keys (PEM) that may sign as `actor`: the org's client of that name first, then the
// server's user. Expired keys are left out. Empty when the actor is unknown.
std::vector<std::string> public_keys_for_actor(store::Store& store, store::Org* org,
                                               std::string_view actor);

// {"name", "public_key", "expiration_date"}: a key as stored and as GET .../keys/K answers.
Json key_document(std::string_view name, std::string_view public_key,
                  std::string_view expiration_date = kInfinity);

// True when the key's expiration_date is a date not after `now` ("infinity" never expires).
bool key_expired(const Json& key,
                 std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// The public key of the actor's "default" key, or nullopt when it has none.
std::optional<std::string> default_public_key(const store::Collection* keys);

// Copies every key of `from` into `to` (cleared first): an actor renamed by PUT keeps its keys.
void copy_keys(const store::Collection& from, store::Collection& to);

// A key an actor is created with (POST /clients, POST /users, org creation).
struct NewKey {
  std::string public_key;
  std::optional<std::string> private_key;  // set when the server generated the pair
};

// Which key POST /clients or POST /users gives the new actor. API v0: the body's public_key,
// else a generated pair. API v1+: a generated pair for "create_key": true, the body's
// public_key when given, else none. The body must already be validated (the model does it).
std::optional<NewKey> key_for_new_actor(const Json& body, int api_version);

// Generates an RSA key pair (2048 bits, as the server's keygen cache).
NewKey generate_new_key();

// The default key a PUT of a client or user replaces, API v0 only (v1+ manages keys through
// .../keys): a generated pair for "private_key": true, else the body's "public_key".
std::optional<NewKey> key_for_actor_update(const Json& body, int api_version);

// The "chef_key" member of an API v1+ create answer:
// {"name": "default", "public_key", "expiration_date": "infinity", "uri", "private_key"?}.
Json chef_key_answer(const NewKey& key, const std::string& key_url);

// The /keys and /keys/K endpoints for one actor (a client of an org, or a user). The caller
// has checked that the actor exists.
struct ActorKeysTarget {
  std::string actor;                                     // the client or user name
  std::shared_ptr<store::Collection> keys;               // its key collection
  std::function<std::string(std::string_view)> key_url;  // URL of key K
};

// GET .../keys: [{"uri", "name", "expired"}] sorted by name.
http::Response list_keys(const ActorKeysTarget& target);
// POST .../keys: validates as chef_key:parse_binary_json(create); 201 {"uri", "private_key"?}.
http::Response create_key(const ActorKeysTarget& target, const Json& body);
// GET .../keys/K.
http::Response get_key(const ActorKeysTarget& target, std::string_view key);
// PUT .../keys/K: update (and rename with "name"); 200, or 201 on rename.
http::Response update_key(const ActorKeysTarget& target, std::string_view key, const Json& body);
// DELETE .../keys/K: answers with the deleted key.
http::Response delete_key(const ActorKeysTarget& target, std::string_view key);

// A Chef error whose "error" member is one string rather than a list, as erchef answers for
// a few resources (users, keys, organizations): {"error": "message"}.
http::Response error_string(int status, std::string_view message);

// 32 lower-case hex digits derived from `seed`: a stable stand-in for an authz id.
std::string stable_hex_id(std::string_view seed);
// 32 random lower-case hex digits (org guids).
std::string random_hex_id();

}  // namespace proofbox::zero::api
