#pragma once
// File checksums as the Chef server keys cookbook files: the lowercase hex MD5 of the bytes
// (Chef::Digester, erchef's checksums table). Sandboxes, the file store and cookbook manifests
// all name files this way.
#include <string>
#include <string_view>

namespace proofbox::zero::model {

// Lowercase hex MD5 of `bytes` (32 characters).
std::string md5_hex(std::string_view bytes);

// True when `text` is 32 lowercase hex digits.
bool valid_checksum(std::string_view text) noexcept;

// `text` with A-F lowered, so "ABCD..." and "abcd..." name the same file.
std::string lower_checksum(std::string_view text);

}  // namespace proofbox::zero::model
