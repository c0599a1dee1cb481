#pragma once
// The cookbook universe the depsolver works on: every cookbook version an organization holds,
// each with the dependencies its metadata declares (name -> version constraint).
//
// A Universe is immutable once built (UniverseBuilder::build), so one can be shared by many
// concurrent solves. Building compiles it for the solver: cookbooks get dense ids, versions are
// sorted ascending per cookbook, and every dependency edge knows the contiguous range of its
// target's versions that satisfy it (every Chef constraint operator selects a contiguous run of
// sorted versions, so a range is exact). A dependency on a cookbook the org does not hold gets
// an entry with no versions, which is how "non-existent" cookbooks are told apart later.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "proofbox/zero/model/version.hpp"

namespace proofbox::zero::depsolver {

using model::Constraint;
using model::Version;

// One dependency as metadata declares it.
struct Dependency {
  std::string cookbook;
  Constraint constraint = model::kAnyVersion;
};

// Half-open range [lo, hi) of version indices of one cookbook (ascending version order).
struct VersionRange {
  std::uint32_t lo = 0;
  std::uint32_t hi = 0;

  bool empty() const noexcept { return lo >= hi; }
  std::uint32_t size() const noexcept { return empty() ? 0 : hi - lo; }
  bool contains(std::uint32_t i) const noexcept { return i >= lo && i < hi; }
  VersionRange intersect(VersionRange o) const noexcept {
    return {lo > o.lo ? lo : o.lo, hi < o.hi ? hi : o.hi};
  }
  friend bool operator==(const VersionRange&, const VersionRange&) = default;
};

class Universe {
 public:
  using Id = std::uint32_t;

  struct Edge {
    Id target = 0;
    Constraint constraint = model::kAnyVersion;
    VersionRange matching;  // target's versions that satisfy `constraint`
  };
  struct CookbookVersion {
    Version version;
    std::uint32_t first_edge = 0;
    std::uint32_t edge_count = 0;
  };
  struct Cookbook {
    std::string name;
    std::uint32_t first_version = 0;  // index into versions()
    std::uint32_t version_count = 0;  // 0: only known as somebody's dependency
  };

  Universe() = default;

  std::size_t cookbook_count() const noexcept { return cookbooks_.size(); }
  std::size_t version_count() const noexcept { return versions_.size(); }
  // The id of a cookbook that has versions or is a dependency target; nullopt otherwise.
  std::optional<Id> find(std::string_view name) const;
  // True when the org holds at least one version of `name`.
  bool holds(std::string_view name) const;

  const Cookbook& cookbook(Id id) const { return cookbooks_[id]; }
  // Version `index` (0 = oldest) of cookbook `id`.
  const CookbookVersion& version(Id id, std::uint32_t index) const {
    return versions_[cookbooks_[id].first_version + index];
  }
  // The dependencies of version `index` of cookbook `id`, in declaration order.
  std::pair<const Edge*, const Edge*> edges(Id id, std::uint32_t index) const {
    const auto& v = version(id, index);
    const Edge* first = edges_.data() + v.first_edge;
    return {first, first + v.edge_count};
  }
  // The versions of cookbook `id` that satisfy `c`.
  VersionRange matching(Id id, const Constraint& c) const;
  // Index of exactly `v` in cookbook `id`, if held.
  std::optional<std::uint32_t> index_of(Id id, const Version& v) const;

 private:
  friend class UniverseBuilder;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<Cookbook> cookbooks_;
  std::vector<CookbookVersion> versions_;
  std::vector<Edge> edges_;
  std::unordered_map<std::string, Id, Hash, std::equal_to<>> ids_;
};

// Collects cookbook versions in any order, then compiles them into a Universe.
class UniverseBuilder {
 public:
  // Adds (or replaces) one cookbook version.
  UniverseBuilder& add(std::string_view cookbook, const Version& version,
                       std::vector<Dependency> dependencies = {});
  // Convenience for tests and fixtures: version "x.y[.z]" and dependencies
  // {name, "OP VERSION"} in Chef's lenient (metadata.rb) syntax. Throws std::invalid_argument
  // on a malformed version or constraint.
  UniverseBuilder& add(std::string_view cookbook, std::string_view version,
                       const std::vector<std::pair<std::string, std::string>>& dependencies = {});

  Universe build() const;

 private:
  struct Entry {
    Version version;
    std::vector<Dependency> dependencies;
  };
  // cookbook name -> entries (unsorted, unique versions); ids follow name order at build
  std::unordered_map<std::string, std::vector<Entry>> cookbooks_;
};

}  // namespace proofbox::zero::depsolver
