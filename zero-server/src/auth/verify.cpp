#include "proofbox/zero/auth/verify.hpp"

#include <chrono>
#include <exception>

#include "proofbox/zero/auth/base64.hpp"
#include "proofbox/zero/auth/canonical.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/auth/rsa.hpp"
#include "proofbox/zero/auth/timestamp.hpp"

namespace proofbox::zero::auth {
namespace {

// Far more lines than any RSA key needs (a 16384-bit key signs in 46): a bound on lookups.
constexpr int kMaxAuthorizationLines = 200;

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

std::optional<std::string> get(const VerifyInput& in, std::string_view lower_name) {
  if (!in.header) return std::nullopt;
  auto v = in.header(lower_name);
  if (!v) return std::nullopt;
  return std::string(trim(*v));
}

VerifyResult fail(int status, VerifyFailure why, std::string user, std::string message) {
  return {false, status, std::move(user), std::move(message), why};
}

// X-Ops-Sign: "algorithm=sha1;version=1.0;" (1.0 clients may leave out the algorithm). The
// version must be one we speak and the algorithm, when given, the one that version uses.
std::optional<SignVersion> parse_sign_description(std::string_view desc) {
  std::optional<SignVersion> version;
  std::optional<std::string_view> algorithm;
  while (!desc.empty()) {
    auto semi = desc.find(';');
    std::string_view part = desc.substr(0, semi);
    desc = semi == std::string_view::npos ? std::string_view{} : desc.substr(semi + 1);
    auto eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    auto key = trim(part.substr(0, eq));
    auto value = trim(part.substr(eq + 1));
    if (key == "version") {
      version = parse_version(value);
      if (!version) return std::nullopt;
    } else if (key == "algorithm") {
      algorithm = value;
    }
  }
  if (!version) return std::nullopt;
  if (algorithm && *algorithm != algorithm_name(*version)) return std::nullopt;
  return version;
}

std::string bad_signature_message(const std::string& user) {
  return "Invalid signature for user or client '" + user + "'";
}

}  // namespace

VerifyResult verify_request(const VerifyInput& in) {
  // 1. Required headers, named as the server names them in its message (oc_erchef answers
  //    this from malformed_request, hence 400 rather than 401).
  static const std::pair<std::string_view, std::string_view> kRequired[] = {
      {"x-ops-userid", "X-Ops-UserId"},
      {"x-ops-timestamp", "X-Ops-Timestamp"},
      {"x-ops-sign", "X-Ops-Sign"},
      {"x-ops-content-hash", "X-Ops-Content-Hash"},
  };
  std::string missing;
  for (const auto& [lower, name] : kRequired) {
    if (!get(in, lower)) {
      missing += missing.empty() ? "'" : ", '";
      missing += std::string(name) + "'";
    }
  }
  const std::string user = get(in, "x-ops-userid").value_or("");
  if (!missing.empty()) {
    return fail(400, VerifyFailure::MissingHeaders, user,
                "missing required authentication header(s) " + missing);
  }

  // 2. Timestamp: parseable, then within the allowed skew either way (strictly less than, as
  //    both mixlib and oc_erchef compare).
  const std::string raw_time = *get(in, "x-ops-timestamp");
  const auto when = parse_iso8601(raw_time);
  if (!when) {
    return fail(401, VerifyFailure::BadTimestamp, user, "bad header(s) 'X-Ops-Timestamp'");
  }
  const auto skew = std::chrono::abs(in.now - *when);
  if (skew >= in.allowed_skew) {
    return fail(401, VerifyFailure::ClockSkew, user,
                "Failed to authenticate as " + user + ". Synchronize the clock on your host.");
  }

  // 3. Signing description.
  const auto version = parse_sign_description(*get(in, "x-ops-sign"));
  if (!version) {
    return fail(400, VerifyFailure::BadSignDescription, user,
                "Unsupported authentication protocol version");
  }

  // 4. Requestor.
  const auto pem = in.public_key_for ? in.public_key_for(user) : std::nullopt;
  if (!pem) {
    return fail(401, VerifyFailure::UnknownUser, user,
                "Failed to authenticate as '" + user +
                    "'. Ensure that your node_name and client key are correct.");
  }

  // 5. Content hash, then the signature over the canonical request built from what we
  //    received (the body hash is recomputed, never taken from the header).
  const DigestAlg alg = digest_for(*version);
  const std::string body_hash = digest_base64(alg, in.body);
  if (*get(in, "x-ops-content-hash") != body_hash) {
    return fail(401, VerifyFailure::ContentHashMismatch, user, bad_signature_message(user));
  }

  // Lines are fetched by number, 1, 2, 3, ... until one is absent, so they join in numeric
  // order (-10 after -9) however the client ordered them on the wire.
  std::string encoded;
  for (int n = 1; n <= kMaxAuthorizationLines; ++n) {
    auto line = get(in, "x-ops-authorization-" + std::to_string(n));
    if (!line) break;
    encoded += *line;
  }
  const auto signature = base64_decode(encoded);

  PKey key;
  try {
    key = load_public_key(*pem);
  } catch (const std::exception&) {
    key = nullptr;  // a stored key we cannot read verifies nothing
  }

  CanonicalFields fields{in.method, in.path,
                         body_hash, format_iso8601(*when),
                         user,      get(in, "x-ops-server-api-version").value_or("0")};
  const std::string canonical = canonical_request(*version, fields);
  bool good = false;
  if (key && signature && !signature->empty()) {
    if (*version == SignVersion::V1_3) {
      good = rsa_verify(key, DigestAlg::Sha256, canonical, *signature);
    } else {
      good = rsa_public_decrypt(key, *signature) == canonical;
    }
  }
  if (!good) return fail(401, VerifyFailure::BadSignature, user, bad_signature_message(user));
  return {true, 200, user, "", VerifyFailure::None};
}

}  // namespace proofbox::zero::auth
