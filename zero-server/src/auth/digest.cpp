#include "proofbox/zero/auth/digest.hpp"

#include <openssl/evp.h>

#include <stdexcept>

#include "proofbox/zero/auth/base64.hpp"

namespace proofbox::zero::auth {

std::string digest(DigestAlg alg, std::string_view data) {
  const EVP_MD* md = alg == DigestAlg::Sha1 ? EVP_sha1() : EVP_sha256();
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) {
    throw std::runtime_error("EVP_Digest failed");
  }
  return std::string(reinterpret_cast<const char*>(out), len);
}

std::string digest_base64(DigestAlg alg, std::string_view data) {
  return base64_encode(digest(alg, data));
}

}  // namespace proofbox::zero::auth
