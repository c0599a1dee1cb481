#pragma once
// Standard (RFC 4648) base64 with padding, the alphabet Ruby's Base64 and Erlang's base64 use.
#include <optional>
#include <string>
#include <string_view>

namespace proofbox::zero::auth {

// One line, no newlines (unlike Ruby's encode64, which wraps every 60 characters).
std::string base64_encode(std::string_view bytes);

// Strict decode: nullopt on any character outside the alphabet (whitespace included), on a
// length that is not a multiple of 4, or on misplaced padding.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace proofbox::zero::auth
