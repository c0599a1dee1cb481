#pragma once
// The canonical request string of the Chef signed-header protocol (mixlib-authentication's
// canonicalize_request), shared by the signer and the verifier so both build it one way.
#include <optional>
#include <string>
#include <string_view>

#include "proofbox/zero/auth/digest.hpp"

namespace proofbox::zero::auth {

enum class SignVersion { V1_0, V1_1, V1_3 };

std::string_view version_string(SignVersion v);  // "1.0", "1.1", "1.3"
std::string_view algorithm_name(SignVersion v);  // "sha1" for 1.0/1.1, "sha256" for 1.3
DigestAlg digest_for(SignVersion v);
std::optional<SignVersion> parse_version(std::string_view text);

// Drops a query string, collapses runs of '/', drops one trailing '/' unless the path is "/".
std::string canonical_path(std::string_view path);

struct CanonicalFields {
  std::string method;              // any case; upper-cased in the canonical string
  std::string path;                // raw request path; canonicalised here
  std::string content_hash;        // base64 digest of the body (digest_for(version))
  std::string timestamp;           // already canonical (format_iso8601)
  std::string user_id;             // plain; 1.1 hashes it here
  std::string server_api_version;  // only 1.3 includes it
};

std::string canonical_request(SignVersion v, const CanonicalFields& f);

}  // namespace proofbox::zero::auth
