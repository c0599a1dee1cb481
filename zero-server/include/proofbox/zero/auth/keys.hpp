#pragma once
// RSA keys as the Chef server hands them out and stores them: private keys in PKCS#1 PEM
// ("-----BEGIN RSA PRIVATE KEY-----"), public keys in SPKI PEM ("-----BEGIN PUBLIC KEY-----"),
// with PKCS#1 public PEM ("-----BEGIN RSA PUBLIC KEY-----") accepted on input as the server does.
#include <memory>
#include <string>
#include <string_view>

struct evp_pkey_st;  // OpenSSL's EVP_PKEY, kept out of this header

namespace proofbox::zero::auth {

struct PKeyDeleter {
  void operator()(evp_pkey_st* key) const;
};
using PKey = std::unique_ptr<evp_pkey_st, PKeyDeleter>;

enum class PublicKeyFormat { Spki, Pkcs1 };

struct KeyPair {
  std::string private_pem;  // PKCS#1
  std::string public_pem;   // SPKI
};

PKey generate_rsa_key(int bits = 2048);
KeyPair generate_key_pair(int bits = 2048);

std::string private_key_pem(const PKey& key);  // PKCS#1 PEM
std::string public_key_pem(const PKey& key, PublicKeyFormat format = PublicKeyFormat::Spki);

// Load an RSA private key (PKCS#1 or PKCS#8 PEM). Throws std::invalid_argument on garbage.
PKey load_private_key(std::string_view pem);
// Load an RSA public key from SPKI or PKCS#1 PEM. Throws std::invalid_argument on garbage,
// on private keys and on non-RSA keys.
PKey load_public_key(std::string_view pem);

// The SPKI PEM of the public half of a private key PEM. Throws std::invalid_argument.
std::string public_key_from_private(std::string_view private_pem);

// What the server accepts in a `public_key` field: exactly one PEM block that starts the string
// with "-----BEGIN PUBLIC KEY" or "-----BEGIN RSA PUBLIC KEY" and decodes to an RSA key.
bool is_valid_public_key(std::string_view pem) noexcept;
// Same check; throws ChefError(400, "Public Key must be a valid key.") as the server answers.
void require_valid_public_key(std::string_view pem);

}  // namespace proofbox::zero::auth
