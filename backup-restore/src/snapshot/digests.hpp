#pragma once
// Lowercase hex digests: MD5 names cookbook files (the Chef checksum), SHA-256 guards every
// file of a snapshot in its manifest.
#include <string>
#include <string_view>

#include "proofbox/zero/model/checksum.hpp"

namespace proofbox::backup::snapshot {

using zero::model::md5_hex;
std::string sha256_hex(std::string_view data);

}  // namespace proofbox::backup::snapshot
