#pragma once
// Cookbook versions and version constraints.
//
// A cookbook version is "x.y" or "x.y.z" of non-negative decimal integers ("1.0" == "1.0.0");
// each part must fit the server's bigint column (<= 9223372036854775807). Anything else —
// "1", "1.0.0.0", "1.0rc1", "1.-2.3", spaces — is invalid (erchef
// chef_cookbook_version:parse_version, Chef::Version).
//
// A constraint is "OP VERSION" with OP one of = > >= < <= ~>, or a bare version meaning "=".
// Two syntaxes exist:
//   server       exactly one space between operator and version, nothing else
//                (erchef chef_object_base:parse_constraint; ">=1.0", ">=  1.0", " >= 1.0" are
//                rejected) — used to validate environments' cookbook_versions and metadata
//                sent to the server;
//   chef_client  any number of spaces (including none) between operator and version
//                (Chef::VersionConstraint), for reading metadata.rb / repo files.
//
// "~>" is Chef's pessimistic operator: "~> 1.2" means >= 1.2.0 and < 2.0 (major equal, minor
// at least 2); "~> 1.2.3" means >= 1.2.3 and < 1.3.0 (major and minor equal, patch at least 3).
// Which one applies depends on how many parts the constraint's version was written with.
//
// Version and Constraint are trivially copyable; comparing and satisfies() never allocate.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace proofbox::zero::model {

struct Version {
  std::uint64_t major = 0;
  std::uint64_t minor = 0;
  std::uint64_t patch = 0;

  friend constexpr auto operator<=>(const Version&, const Version&) = default;
  friend constexpr bool operator==(const Version&, const Version&) = default;
};

// The largest value of one version part (PostgreSQL bigint, erchef MAX_VERSION).
inline constexpr std::uint64_t kMaxVersionPart = 9223372036854775807ULL;

// Parses "x.y" or "x.y.z"; nullopt when invalid. `parts`, when given, receives 2 or 3.
std::optional<Version> parse_version(std::string_view text, int* parts = nullptr) noexcept;
bool valid_version(std::string_view text) noexcept;
// Throws ChefError 400 "Invalid cookbook version" (erchef's message for a bad URL version).
Version require_version(std::string_view text);
// Always "x.y.z".
std::string to_string(const Version& v);

enum class ConstraintOp : std::uint8_t { eq, gt, ge, lt, le, pessimistic };
enum class ConstraintSyntax : std::uint8_t { server, chef_client };

struct Constraint {
  ConstraintOp op = ConstraintOp::ge;
  Version version{};
  // True when the version was written with three parts; decides what "~>" allows.
  bool has_patch = true;

  // True when `v` satisfies this constraint.
  constexpr bool satisfied_by(const Version& v) const noexcept {
    switch (op) {
      case ConstraintOp::eq:
        return v == version;
      case ConstraintOp::gt:
        return v > version;
      case ConstraintOp::ge:
        return v >= version;
      case ConstraintOp::lt:
        return v < version;
      case ConstraintOp::le:
        return v <= version;
      case ConstraintOp::pessimistic:
        if (v.major != version.major) return false;
        if (!has_patch) return v.minor >= version.minor;
        return v.minor == version.minor && v.patch >= version.patch;
    }
    return false;
  }

  friend constexpr bool operator==(const Constraint&, const Constraint&) = default;
};

// ">= 0.0.0": what an absent constraint means (Chef::VersionConstraint::DEFAULT_CONSTRAINT).
inline constexpr Constraint kAnyVersion{ConstraintOp::ge, Version{0, 0, 0}, true};

std::optional<Constraint> parse_constraint(
    std::string_view text, ConstraintSyntax syntax = ConstraintSyntax::server) noexcept;
bool valid_constraint(std::string_view text,
                      ConstraintSyntax syntax = ConstraintSyntax::server) noexcept;

constexpr bool satisfies(const Version& v, const Constraint& c) noexcept {
  return c.satisfied_by(v);
}
// Parses both; false when either is invalid.
bool satisfies(std::string_view version, std::string_view constraint,
               ConstraintSyntax syntax = ConstraintSyntax::server) noexcept;

std::string_view to_string(ConstraintOp op) noexcept;
// Canonical "OP VERSION" with the version written with as many parts as it was parsed from
// ("~> 1.2", ">= 1.0.0", "= 2.0.1").
std::string to_string(const Constraint& c);

}  // namespace proofbox::zero::model
