#pragma once
// Lowercase hex digests: MD5 names cookbook files (the Chef checksum), SHA-256 guards every
// file of a snapshot in its manifest.
#include <string>
#include <string_view>

namespace proofbox::backup::snapshot {

std::string md5_hex(std::string_view data);
std::string sha256_hex(std::string_view data);

}  // namespace proofbox::backup::snapshot
