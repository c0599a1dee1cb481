#pragma once
// Verifying a signed request as the Chef server does (oc_erchef's chef_authn plus the status
// codes and messages of oc_chef_wm_base / chef_wm_malformed).
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace proofbox::zero::auth {

struct VerifyInput {
  std::string method, path, body;
  // header lookup by LOWER-CASE name (e.g. "x-ops-sign"); nullopt when absent
  std::function<std::optional<std::string>(std::string_view)> header;
  // PEM (SPKI or PKCS#1) of the requestor's public key, or nullopt when unknown
  std::function<std::optional<std::string>(const std::string& user_id)> public_key_for;
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
  std::chrono::seconds allowed_skew{900};
};

// Why a request was refused, for logs and tests; the HTTP answer is status + message.
enum class VerifyFailure {
  None,
  MissingHeaders,       // 400 "missing required authentication header(s) 'X-Ops-UserId', ..."
  BadTimestamp,         // 401 "bad header(s) 'X-Ops-Timestamp'"
  ClockSkew,            // 401 "Failed to authenticate as U. Synchronize the clock on your host."
  BadSignDescription,   // 400 "Unsupported authentication protocol version"
  UnknownUser,          // 401 "Failed to authenticate as 'U'. Ensure that your node_name ..."
  ContentHashMismatch,  // 401 "Invalid signature for user or client 'U'"
  BadSignature,         // 401 "Invalid signature for user or client 'U'"
};

struct VerifyResult {
  bool ok = false;
  int status = 401;     // 200 when ok
  std::string user_id;  // X-Ops-UserId as sent (empty when missing)
  std::string message;  // the text of the {"error": [message]} body; empty when ok
  VerifyFailure failure = VerifyFailure::None;
};

VerifyResult verify_request(const VerifyInput& input);

}  // namespace proofbox::zero::auth
