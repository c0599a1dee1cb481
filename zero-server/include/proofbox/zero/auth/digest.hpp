#pragma once
// The two hashes of the signing protocol, as raw bytes or as the base64 text that goes into
// X-Ops-Content-Hash and the canonical request.
#include <string>
#include <string_view>

namespace proofbox::zero::auth {

enum class DigestAlg { Sha1, Sha256 };

std::string digest(DigestAlg alg, std::string_view data);         // raw bytes
std::string digest_base64(DigestAlg alg, std::string_view data);  // base64 of digest()

}  // namespace proofbox::zero::auth
