#include "proofbox/zero/auth/keys.hpp"

#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <stdexcept>

#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::auth {

void PKeyDeleter::operator()(evp_pkey_st* key) const {
  EVP_PKEY_free(key);
}

namespace {

struct DecoderCtxFree {
  void operator()(OSSL_DECODER_CTX* c) const { OSSL_DECODER_CTX_free(c); }
};
struct EncoderCtxFree {
  void operator()(OSSL_ENCODER_CTX* c) const { OSSL_ENCODER_CTX_free(c); }
};

constexpr std::string_view kBegin = "-----BEGIN ";

// The label of the first PEM block ("RSA PRIVATE KEY", "PUBLIC KEY", ...) or "" when none.
std::string_view first_pem_label(std::string_view pem) {
  auto start = pem.find(kBegin);
  if (start == std::string_view::npos) return {};
  start += kBegin.size();
  auto end = pem.find("-----", start);
  if (end == std::string_view::npos) return {};
  return pem.substr(start, end - start);
}

size_t count_pem_blocks(std::string_view pem) {
  size_t n = 0;
  for (auto pos = pem.find(kBegin); pos != std::string_view::npos;
       pos = pem.find(kBegin, pos + 1)) {
    ++n;
  }
  return n;
}

// Decodes an RSA key of the given selection from PEM; null on failure.
PKey decode_rsa(std::string_view pem, int selection) {
  EVP_PKEY* raw = nullptr;
  std::unique_ptr<OSSL_DECODER_CTX, DecoderCtxFree> ctx(
      OSSL_DECODER_CTX_new_for_pkey(&raw, "PEM", nullptr, "RSA", selection, nullptr, nullptr));
  if (!ctx) {
    ERR_clear_error();
    return nullptr;
  }
  auto* data = reinterpret_cast<const unsigned char*>(pem.data());
  size_t len = pem.size();
  if (OSSL_DECODER_from_data(ctx.get(), &data, &len) != 1) {
    EVP_PKEY_free(raw);
    ERR_clear_error();  // a refused key is an answer, not an error for the next OpenSSL caller
    return nullptr;
  }
  PKey key(raw);
  if (!key || !EVP_PKEY_is_a(key.get(), "RSA")) return nullptr;
  return key;
}

std::string encode(const PKey& key, int selection, const char* structure) {
  if (!key) throw std::invalid_argument("no key to encode");
  std::unique_ptr<OSSL_ENCODER_CTX, EncoderCtxFree> ctx(
      OSSL_ENCODER_CTX_new_for_pkey(key.get(), selection, "PEM", structure, nullptr));
  unsigned char* data = nullptr;
  size_t len = 0;
  if (!ctx || OSSL_ENCODER_to_data(ctx.get(), &data, &len) != 1) {
    throw std::runtime_error("could not encode RSA key as PEM");
  }
  std::string out(reinterpret_cast<const char*>(data), len);
  OPENSSL_free(data);
  return out;
}

}  // namespace

PKey generate_rsa_key(int bits) {
  if (bits < 1024) throw std::invalid_argument("RSA keys shorter than 1024 bits are refused");
  PKey key(EVP_RSA_gen(static_cast<unsigned>(bits)));
  if (!key) throw std::runtime_error("RSA key generation failed");
  return key;
}

KeyPair generate_key_pair(int bits) {
  PKey key = generate_rsa_key(bits);
  return {private_key_pem(key), public_key_pem(key)};
}

std::string private_key_pem(const PKey& key) {
  // "type-specific" is PKCS#1 for RSA: the "BEGIN RSA PRIVATE KEY" form Chef hands out.
  return encode(key, EVP_PKEY_KEYPAIR, "type-specific");
}

std::string public_key_pem(const PKey& key, PublicKeyFormat format) {
  return encode(key, EVP_PKEY_PUBLIC_KEY,
                format == PublicKeyFormat::Spki ? "SubjectPublicKeyInfo" : "type-specific");
}

PKey load_private_key(std::string_view pem) {
  auto label = first_pem_label(pem);
  if (label != "RSA PRIVATE KEY" && label != "PRIVATE KEY") {
    throw std::invalid_argument("not an RSA private key PEM");
  }
  PKey key = decode_rsa(pem, EVP_PKEY_KEYPAIR);
  if (!key) throw std::invalid_argument("could not load RSA private key");
  return key;
}

PKey load_public_key(std::string_view pem) {
  // The label check keeps private keys out: a decoder asked for a public key would take the
  // public half of a private key PEM, and a public_key field must never hold a private key.
  auto label = first_pem_label(pem);
  if (label != "PUBLIC KEY" && label != "RSA PUBLIC KEY") {
    throw std::invalid_argument("not an RSA public key PEM");
  }
  PKey key = decode_rsa(pem, EVP_PKEY_PUBLIC_KEY);
  if (!key) throw std::invalid_argument("could not load RSA public key");
  return key;
}

std::string public_key_from_private(std::string_view private_pem) {
  return public_key_pem(load_private_key(private_pem));
}

bool is_valid_public_key(std::string_view pem) noexcept {
  // The server insists the field starts with the header and holds one PEM block.
  if (!pem.starts_with("-----BEGIN PUBLIC KEY") && !pem.starts_with("-----BEGIN RSA PUBLIC KEY")) {
    return false;
  }
  if (count_pem_blocks(pem) != 1) return false;
  try {
    return load_public_key(pem) != nullptr;
  } catch (...) {
    return false;
  }
}

void require_valid_public_key(std::string_view pem) {
  if (!is_valid_public_key(pem)) throw ChefError(400, "Public Key must be a valid key.");
}

}  // namespace proofbox::zero::auth
