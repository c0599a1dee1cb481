#include "proofbox/zero/auth/rsa.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <stdexcept>

namespace proofbox::zero::auth {
namespace {

struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

const EVP_MD* md_for(DigestAlg alg) {
  return alg == DigestAlg::Sha1 ? EVP_sha1() : EVP_sha256();
}

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

std::string rsa_private_encrypt(const PKey& key, std::string_view data) {
  if (!key) throw std::invalid_argument("no private key");
  // EVP_PKEY_sign with PKCS#1 padding and no digest set pads the input as-is (type 1), which is
  // what RSA_private_encrypt did: the 1.0/1.1 "signature".
  const size_t max = static_cast<size_t>(EVP_PKEY_get_size(key.get())) - 11;
  if (data.size() > max) {
    throw std::invalid_argument("canonical request is " + std::to_string(data.size()) +
                                " bytes, more than the key can encrypt (" + std::to_string(max) +
                                "); sign with version 1.1 or 1.3");
  }
  PkeyCtx ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1 ||
      EVP_PKEY_sign(ctx.get(), nullptr, &len, bytes(data), data.size()) != 1) {
    throw std::invalid_argument("RSA private encryption failed (is this a private key?)");
  }
  std::string out(len, '\0');
  if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, bytes(data),
                    data.size()) != 1) {
    throw std::invalid_argument("RSA private encryption failed");
  }
  out.resize(len);
  return out;
}

std::optional<std::string> rsa_public_decrypt(const PKey& key, std::string_view signature) {
  if (!key) return std::nullopt;
  PkeyCtx ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_verify_recover_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1 ||
      EVP_PKEY_verify_recover(ctx.get(), nullptr, &len, bytes(signature), signature.size()) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  std::string out(len, '\0');
  if (EVP_PKEY_verify_recover(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len,
                              bytes(signature), signature.size()) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

std::string rsa_sign(const PKey& key, DigestAlg alg, std::string_view data) {
  if (!key) throw std::invalid_argument("no private key");
  MdCtx ctx(EVP_MD_CTX_new());
  size_t len = 0;
  // RSA keys default to PKCS#1 v1.5 padding: RSASSA-PKCS1-v1_5, as OpenSSL::PKey::RSA#sign.
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, md_for(alg), nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &len, bytes(data), data.size()) != 1) {
    throw std::invalid_argument("RSA signing failed (is this a private key?)");
  }
  std::string out(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, bytes(data),
                     data.size()) != 1) {
    throw std::invalid_argument("RSA signing failed");
  }
  out.resize(len);
  return out;
}

bool rsa_verify(const PKey& key, DigestAlg alg, std::string_view data, std::string_view signature) {
  if (!key) return false;
  MdCtx ctx(EVP_MD_CTX_new());
  bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, md_for(alg), nullptr, key.get()) == 1 &&
            EVP_DigestVerify(ctx.get(), bytes(signature), signature.size(), bytes(data),
                             data.size()) == 1;
  if (!ok) ERR_clear_error();
  return ok;
}

}  // namespace proofbox::zero::auth
