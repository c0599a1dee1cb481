#pragma once
// The part of TOML that knife's ~/.chef/credentials uses: [table] and ['quoted.table'] headers,
// key = value lines with bare or quoted keys, basic "..." and literal '...' strings (and their
// triple-quoted multi-line forms, for inline PEM keys), integers, booleans and # comments.
// Anything else is an error naming FILE:LINE, never silently skipped.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

namespace proofbox::backup::client {

using TomlValue = std::variant<std::string, std::int64_t, bool>;
using TomlTable = std::map<std::string, TomlValue>;

struct TomlDocument {
  TomlTable root;                           // keys before the first [table]
  std::map<std::string, TomlTable> tables;  // by header name, quotes removed
};

class TomlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `file` is only used in messages: "FILE:LINE: message".
TomlDocument parse_toml_subset(std::string_view text, const std::string& file);

}  // namespace proofbox::backup::client
