#include "file_checksum.hpp"

#include "proofbox/zero/auth/base64.hpp"

namespace proofbox::backup::server {

std::string md5_base64_from_hex(std::string_view hex) {
  if (hex.size() != 32) return "";
  std::string raw;
  for (std::size_t i = 0; i < 32; i += 2) {
    auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int hi = nibble(hex[i]);
    int lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return "";
    raw.push_back(static_cast<char>(hi * 16 + lo));
  }
  return zero::auth::base64_encode(raw);
}

}  // namespace proofbox::backup::server
