#pragma once
// The RSA operations of the protocol. Versions 1.0/1.1 "sign" by raw PKCS#1 type-1 private
// encryption of the canonical string (no digest, no DigestInfo) and verify by public decryption;
// 1.3 uses an ordinary RSASSA-PKCS1-v1_5 signature over SHA-256.
#include <optional>
#include <string>
#include <string_view>

#include "proofbox/zero/auth/digest.hpp"
#include "proofbox/zero/auth/keys.hpp"

namespace proofbox::zero::auth {

// Throws std::invalid_argument when `data` is longer than the key size allows (k - 11 bytes).
std::string rsa_private_encrypt(const PKey& key, std::string_view data);
// nullopt when the signature does not decrypt under the key (wrong key, bad padding, size).
std::optional<std::string> rsa_public_decrypt(const PKey& key, std::string_view signature);

std::string rsa_sign(const PKey& key, DigestAlg alg, std::string_view data);
bool rsa_verify(const PKey& key, DigestAlg alg, std::string_view data, std::string_view signature);

}  // namespace proofbox::zero::auth
