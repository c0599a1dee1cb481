#include "proofbox/zero/model/version.hpp"

#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

// Parses one run of decimal digits at `s[pos]`, advancing `pos`. Fails on an empty run or a
// value above kMaxVersionPart.
bool parse_part(std::string_view s, std::size_t& pos, std::uint64_t& out) noexcept {
  const std::size_t start = pos;
  std::uint64_t value = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
    const auto digit = static_cast<std::uint64_t>(s[pos] - '0');
    if (value > (kMaxVersionPart - digit) / 10) return false;
    value = value * 10 + digit;
    ++pos;
  }
  if (pos == start) return false;
  out = value;
  return true;
}

}  // namespace

std::optional<Version> parse_version(std::string_view text, int* parts) noexcept {
  Version v;
  std::size_t pos = 0;
  if (!parse_part(text, pos, v.major)) return std::nullopt;
  if (pos >= text.size() || text[pos] != '.') return std::nullopt;
  ++pos;
  if (!parse_part(text, pos, v.minor)) return std::nullopt;
  int count = 2;
  if (pos < text.size()) {
    if (text[pos] != '.') return std::nullopt;
    ++pos;
    if (!parse_part(text, pos, v.patch)) return std::nullopt;
    count = 3;
    if (pos != text.size()) return std::nullopt;
  }
  if (parts != nullptr) *parts = count;
  return v;
}

bool valid_version(std::string_view text) noexcept {
  return parse_version(text).has_value();
}

Version require_version(std::string_view text) {
  if (auto v = parse_version(text)) return *v;
  throw ChefError(400, "Invalid cookbook version");
}

std::string to_string(const Version& v) {
  std::string s = std::to_string(v.major);
  s.push_back('.');
  s.append(std::to_string(v.minor));
  s.push_back('.');
  s.append(std::to_string(v.patch));
  return s;
}

std::optional<Constraint> parse_constraint(std::string_view text,
                                           ConstraintSyntax syntax) noexcept {
  Constraint c;
  std::string_view rest = text;
  // Longest operators first so ">=" is not read as ">".
  struct OpText {
    std::string_view text;
    ConstraintOp op;
  };
  static constexpr OpText kOps[] = {
      {"~>", ConstraintOp::pessimistic}, {">=", ConstraintOp::ge}, {"<=", ConstraintOp::le},
      {"=", ConstraintOp::eq},           {">", ConstraintOp::gt},  {"<", ConstraintOp::lt},
  };
  bool have_op = false;
  for (const auto& o : kOps) {
    if (rest.starts_with(o.text)) {
      c.op = o.op;
      rest.remove_prefix(o.text.size());
      have_op = true;
      break;
    }
  }
  if (have_op) {
    std::size_t spaces = 0;
    while (spaces < rest.size() && rest[spaces] == ' ') ++spaces;
    if (syntax == ConstraintSyntax::server && spaces != 1) return std::nullopt;
    rest.remove_prefix(spaces);
  } else {
    c.op = ConstraintOp::eq;  // a bare version
  }
  int parts = 0;
  auto v = parse_version(rest, &parts);
  if (!v) return std::nullopt;
  c.version = *v;
  c.has_patch = parts == 3;
  return c;
}

bool valid_constraint(std::string_view text, ConstraintSyntax syntax) noexcept {
  return parse_constraint(text, syntax).has_value();
}

bool satisfies(std::string_view version, std::string_view constraint,
               ConstraintSyntax syntax) noexcept {
  auto v = parse_version(version);
  auto c = parse_constraint(constraint, syntax);
  return v && c && c->satisfied_by(*v);
}

std::string_view to_string(ConstraintOp op) noexcept {
  switch (op) {
    case ConstraintOp::eq:
      return "=";
    case ConstraintOp::gt:
      return ">";
    case ConstraintOp::ge:
      return ">=";
    case ConstraintOp::lt:
      return "<";
    case ConstraintOp::le:
      return "<=";
    case ConstraintOp::pessimistic:
      return "~>";
  }
  return "=";
}

std::string to_string(const Constraint& c) {
  std::string s(to_string(c.op));
  s.push_back(' ');
  s.append(std::to_string(c.version.major));
  s.push_back('.');
  s.append(std::to_string(c.version.minor));
  if (c.has_patch) {
    s.push_back('.');
    s.append(std::to_string(c.version.patch));
  }
  return s;
}

}  // namespace proofbox::zero::model
