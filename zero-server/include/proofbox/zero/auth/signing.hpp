#pragma once
// Signing a request as knife and chef-client do (mixlib-authentication's SignedHeaderAuth#sign).
#include <string>
#include <utility>
#include <vector>

#include "proofbox/zero/auth/canonical.hpp"
#include "proofbox/zero/auth/keys.hpp"

namespace proofbox::zero::auth {

struct SignInput {
  std::string method;     // "GET"
  std::string path;       // request path without query, e.g. "/organizations/chef/nodes/x"
  std::string body;       // raw body ("" for GET)
  std::string user_id;    // client or user name
  std::string timestamp;  // ISO-8601 UTC "2026-11-22T03:08:28Z"; empty = now
  SignVersion version = SignVersion::V1_3;
  std::string server_api_version = "1";  // only v1.3 signs it
};

// The headers to add, in this order: X-Ops-Sign, X-Ops-Userid, X-Ops-Timestamp,
// X-Ops-Content-Hash, X-Ops-Server-API-Version, X-Ops-Authorization-1..N (60-character lines of
// the base64 signature). X-Ops-Server-API-Version is included for every version because 1.3
// signs it: the caller must not send a second one.
// Throws std::invalid_argument on a bad private key or timestamp, or when a 1.0 canonical
// request is too long for the key (long user ids: use 1.1 or 1.3).
std::vector<std::pair<std::string, std::string>> sign_request(const SignInput& input,
                                                              const std::string& private_key_pem);
// Same, with a key already loaded: a client signing thousands of requests parses its PEM once.
std::vector<std::pair<std::string, std::string>> sign_request(const SignInput& input,
                                                              const PKey& private_key);

}  // namespace proofbox::zero::auth
