#include "snapshot/digests.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace proofbox::backup::snapshot {
namespace {

std::string hex_digest(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) {
    throw std::runtime_error("digest failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    text += kHex[out[i] >> 4];
    text += kHex[out[i] & 0xf];
  }
  return text;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  return hex_digest(EVP_sha256(), data);
}

}  // namespace proofbox::backup::snapshot
