#include "proofbox/zero/model/names.hpp"

#include <array>
#include <cstdint>
#include <string>

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/errors.hpp"

namespace proofbox::zero::model {
namespace {

// Character classes as bit flags in one 256-entry table.
enum : std::uint8_t {
  kLower = 1,       // a-z
  kUpper = 2,       // A-Z
  kDigit = 4,       // 0-9
  kUnderscore = 8,  // _
  kDash = 16,       // -
  kDot = 32,        // .
  kColon = 64,      // :
};

constexpr std::array<std::uint8_t, 256> make_table() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t['_'] = kUnderscore;
  t['-'] = kDash;
  t['.'] = kDot;
  t[':'] = kColon;
  return t;
}

constexpr std::array<std::uint8_t, 256> kTable = make_table();

constexpr std::uint8_t kNameClass = kLower | kUpper | kDigit | kUnderscore | kDash | kDot;
constexpr std::uint8_t kAltNameClass = kNameClass | kColon;
constexpr std::uint8_t kUserClass = kLower | kDigit | kUnderscore | kDash;
constexpr std::uint8_t kOrgClass = kLower | kDigit | kUnderscore | kDash;
constexpr std::uint8_t kOrgFirstClass = kLower | kDigit;

std::uint8_t allowed_class(NameKind kind) noexcept {
  switch (kind) {
    case NameKind::environment:
    case NameKind::cookbook:
    case NameKind::client:
      return kNameClass;
    case NameKind::user:
      return kUserClass;
    case NameKind::organization:
      return kOrgClass;
    case NameKind::node:
    case NameKind::role:
    case NameKind::data_bag:
    case NameKind::data_bag_item:
    case NameKind::key:
    case NameKind::policy:
    case NameKind::policy_group:
      break;
  }
  return kAltNameClass;
}

bool all_in(std::string_view s, std::uint8_t cls) noexcept {
  for (unsigned char c : s) {
    if ((kTable[c] & cls) == 0) return false;
  }
  return true;
}

}  // namespace

std::size_t max_name_length(NameKind kind) noexcept {
  switch (kind) {
    case NameKind::policy:
    case NameKind::policy_group:
    case NameKind::organization:
      return 255;
    default:
      return 0;
  }
}

bool valid_name(NameKind kind, std::string_view name) noexcept {
  if (name.empty()) return false;
  const std::size_t max = max_name_length(kind);
  if (max != 0 && name.size() > max) return false;
  if (kind == NameKind::organization &&
      (kTable[static_cast<unsigned char>(name.front())] & kOrgFirstClass) == 0) {
    return false;
  }
  return all_in(name, allowed_class(kind));
}

std::string_view name_rule_message(NameKind kind) noexcept {
  switch (kind) {
    case NameKind::node:
      return "Malformed node name.  Must only contain A-Z, a-z, 0-9, _, :, ., or -";
    case NameKind::role:
      return "Malformed role name.  Must only contain A-Z, a-z, 0-9, _, :, ., or -";
    case NameKind::environment:
      return "Malformed environment name. Must only contain A-Z, a-z, 0-9, _, . or -";
    case NameKind::client:
      return "Malformed client name.  Must be A-Z, a-z, 0-9, _, -, or .";
    case NameKind::data_bag:
      return "Malformed data bag name.  Must only contain A-Z, a-z, 0-9, _, :, ., or -";
    case NameKind::data_bag_item:
      return "Malformed data bag item ID.  Must only contain A-Z, a-z, 0-9, _, :, ., or -";
    case NameKind::user:
      return "Malformed user name. Must only contain a-z, 0-9, _, or -";
    case NameKind::cookbook:
      return "Malformed cookbook name. Must only contain A-Z, a-z, 0-9, _, . or -";
    case NameKind::key:
      return "Malformed key name.  A key name can contain only A-Z, a-z, 0-9, _, -, :, or .";
    case NameKind::policy:
    case NameKind::policy_group:
      return "Malformed policy name. Must be A-Z, a-z, 0-9, _, -, :, or .";
    case NameKind::organization:
      return "Malformed org name.  Must only contain A-Z, a-z, 0-9, _, or -";
  }
  return {};
}

void require_valid_name(NameKind kind, std::string_view name, std::string_view field) {
  if (valid_name(kind, name)) return;
  if (kind == NameKind::client) {
    std::string m = "Invalid client name '";
    m.append(name).append("' using regex: '").append(name_rule_message(kind)).append("'.");
    throw ChefError(400, std::move(m));
  }
  throw field_invalid(field);
}

}  // namespace proofbox::zero::model
