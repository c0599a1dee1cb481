#include "proofbox/zero/depsolver/universe.hpp"

#include <algorithm>
#include <stdexcept>

namespace proofbox::zero::depsolver {

std::optional<Universe::Id> Universe::find(std::string_view name) const {
  auto it = ids_.find(name);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

bool Universe::holds(std::string_view name) const {
  auto id = find(name);
  return id && cookbooks_[*id].version_count > 0;
}

VersionRange Universe::matching(Id id, const Constraint& c) const {
  const Cookbook& cb = cookbooks_[id];
  // Versions are sorted and every operator selects a contiguous run, so the first and last
  // match bound the range.
  std::uint32_t lo = cb.version_count;
  std::uint32_t hi = 0;
  for (std::uint32_t i = 0; i < cb.version_count; ++i) {
    if (c.satisfied_by(versions_[cb.first_version + i].version)) {
      lo = std::min(lo, i);
      hi = i + 1;
    }
  }
  if (lo >= hi) return {0, 0};
  return {lo, hi};
}

std::optional<std::uint32_t> Universe::index_of(Id id, const Version& v) const {
  const Cookbook& cb = cookbooks_[id];
  auto first = versions_.begin() + cb.first_version;
  auto last = first + cb.version_count;
  auto it = std::lower_bound(
      first, last, v, [](const CookbookVersion& cv, const Version& x) { return cv.version < x; });
  if (it == last || it->version != v) return std::nullopt;
  return static_cast<std::uint32_t>(it - first);
}

UniverseBuilder& UniverseBuilder::add(std::string_view cookbook, const Version& version,
                                      std::vector<Dependency> dependencies) {
  auto& entries = cookbooks_[std::string(cookbook)];
  for (auto& e : entries) {
    if (e.version == version) {
      e.dependencies = std::move(dependencies);
      return *this;
    }
  }
  entries.push_back(Entry{version, std::move(dependencies)});
  return *this;
}

UniverseBuilder& UniverseBuilder::add(
    std::string_view cookbook, std::string_view version,
    const std::vector<std::pair<std::string, std::string>>& dependencies) {
  auto v = model::parse_version(version);
  if (!v) throw std::invalid_argument("invalid cookbook version '" + std::string(version) + "'");
  std::vector<Dependency> deps;
  deps.reserve(dependencies.size());
  for (const auto& [name, text] : dependencies) {
    auto c = model::parse_constraint(text, model::ConstraintSyntax::chef_client);
    if (!c) throw std::invalid_argument("invalid version constraint '" + text + "'");
    deps.push_back(Dependency{name, *c});
  }
  return add(cookbook, *v, std::move(deps));
}

Universe UniverseBuilder::build() const {
  Universe u;
  std::vector<const std::string*> names;
  names.reserve(cookbooks_.size());
  for (const auto& [name, entries] : cookbooks_) names.push_back(&name);
  std::sort(names.begin(), names.end(), [](auto* a, auto* b) { return *a < *b; });

  auto intern = [&u](const std::string& name) {
    auto [it, inserted] = u.ids_.try_emplace(name, static_cast<Universe::Id>(u.cookbooks_.size()));
    if (inserted) u.cookbooks_.push_back(Universe::Cookbook{name, 0, 0});
    return it->second;
  };
  for (const auto* name : names) intern(*name);
  // Dependency targets the org does not hold, in name order after the held ones.
  std::vector<std::string> missing;
  for (const auto& [name, entries] : cookbooks_) {
    for (const auto& e : entries) {
      for (const auto& d : e.dependencies) {
        if (!cookbooks_.contains(d.cookbook)) missing.push_back(d.cookbook);
      }
    }
  }
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  for (const auto& name : missing) intern(name);

  // Versions, sorted ascending per cookbook.
  for (const auto* name : names) {
    auto entries = cookbooks_.at(*name);
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.version < b.version; });
    auto& cb = u.cookbooks_[u.ids_.at(*name)];
    cb.first_version = static_cast<std::uint32_t>(u.versions_.size());
    cb.version_count = static_cast<std::uint32_t>(entries.size());
    for (const auto& e : entries) {
      Universe::CookbookVersion cv{e.version, static_cast<std::uint32_t>(u.edges_.size()),
                                   static_cast<std::uint32_t>(e.dependencies.size())};
      u.versions_.push_back(cv);
      for (const auto& d : e.dependencies) {
        u.edges_.push_back(Universe::Edge{u.ids_.at(d.cookbook), d.constraint, {}});
      }
    }
  }
  // Edge ranges need every target's versions in place.
  for (auto& edge : u.edges_) edge.matching = u.matching(edge.target, edge.constraint);
  return u;
}

}  // namespace proofbox::zero::depsolver
