#pragma once
// MD5 of cookbook files: the Chef server names every file by the lowercase hex MD5 of its
// bytes (checksums, sandboxes) and wants Content-MD5 (base64 of the raw digest) on uploads.
#include <string>
#include <string_view>

#include "proofbox/zero/model/checksum.hpp"

namespace proofbox::backup::server {

using zero::model::md5_hex;  // lowercase hex, as the server names files
// Base64 of the 16 raw bytes that `hex` spells; "" when `hex` is not 32 hex digits.
std::string md5_base64_from_hex(std::string_view hex);

}  // namespace proofbox::backup::server
