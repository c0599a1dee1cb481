#include "proofbox/zero/auth/signing.hpp"

#include <chrono>
#include <stdexcept>

#include "proofbox/zero/auth/base64.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/auth/rsa.hpp"
#include "proofbox/zero/auth/timestamp.hpp"

namespace proofbox::zero::auth {
namespace {

// Ruby's Base64.encode64 wraps at 60 characters; each line becomes one header.
constexpr size_t kLineLength = 60;

std::string canonical_timestamp(const std::string& given) {
  if (given.empty()) return format_iso8601(std::chrono::system_clock::now());
  auto parsed = parse_iso8601(given);
  if (!parsed) throw std::invalid_argument("timestamp is not ISO-8601: '" + given + "'");
  return format_iso8601(*parsed);  // mixlib signs Time.parse(ts).utc.iso8601
}

}  // namespace

std::vector<std::pair<std::string, std::string>> sign_request(const SignInput& in,
                                                              const std::string& private_key_pem) {
  return sign_request(in, load_private_key(private_key_pem));
}

std::vector<std::pair<std::string, std::string>> sign_request(const SignInput& in,
                                                              const PKey& key) {
  if (!key) throw std::invalid_argument("no private key to sign with");
  const SignVersion v = in.version;

  CanonicalFields fields{in.method,
                         in.path,
                         digest_base64(digest_for(v), in.body),
                         canonical_timestamp(in.timestamp),
                         in.user_id,
                         in.server_api_version};
  const std::string canonical = canonical_request(v, fields);
  const std::string signature = v == SignVersion::V1_3 ? rsa_sign(key, DigestAlg::Sha256, canonical)
                                                       : rsa_private_encrypt(key, canonical);
  const std::string encoded = base64_encode(signature);

  std::vector<std::pair<std::string, std::string>> headers{
      {"X-Ops-Sign", "algorithm=" + std::string(algorithm_name(v)) +
                         ";version=" + std::string(version_string(v)) + ";"},
      {"X-Ops-Userid", in.user_id},
      {"X-Ops-Timestamp", fields.timestamp},
      {"X-Ops-Content-Hash", fields.content_hash},
      {"X-Ops-Server-API-Version", in.server_api_version},
  };
  for (size_t i = 0, n = 1; i < encoded.size(); i += kLineLength, ++n) {
    headers.emplace_back("X-Ops-Authorization-" + std::to_string(n),
                         encoded.substr(i, kLineLength));
  }
  return headers;
}

}  // namespace proofbox::zero::auth
