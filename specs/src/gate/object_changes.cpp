#include "proofbox/specs/gate/object_changes.hpp"

#include <set>

namespace proofbox::specs::gate {
namespace {

constexpr const char* kNote = "differs from the base";

// Only objects no changed path accounts for get the note.
void add_unseen(std::vector<Change>& changes, ChangeKind kind, const std::string& name) {
  for (const auto& change : changes) {
    if (change.kind == kind && change.name == name) return;
  }
  add_change(changes, kind, name, kNote);
}

template <typename Map, typename Add>
void compare_maps(const Map& head, const Map& base, Add add) {
  std::set<std::string> names;
  for (const auto& [name, value] : head) names.insert(name);
  for (const auto& [name, value] : base) names.insert(name);
  for (const auto& name : names) {
    auto h = head.find(name);
    auto b = base.find(name);
    if (h == head.end() || b == base.end() || !(h->second == b->second)) add(name);
  }
}

// Cookbook documents grouped by cookbook name (a repo may hold several versions).
std::map<std::string, Json> cookbooks_by_name(const backup::ChefData& data) {
  std::map<std::string, Json> out;
  for (const auto& [key, document] : data.cookbooks) {
    out[document.value("cookbook_name", key)][key] = document;
  }
  return out;
}

}  // namespace

void add_object_changes(std::vector<Change>& changes, const RepoGraph& head,
                        const RepoGraph& base) {
  compare_maps(head.data.roles, base.data.roles,
               [&](const std::string& name) { add_unseen(changes, ChangeKind::kRole, name); });
  compare_maps(head.data.environments, base.data.environments, [&](const std::string& name) {
    add_unseen(changes, ChangeKind::kEnvironment, name);
  });
  compare_maps(head.data.data_bags, base.data.data_bags,
               [&](const std::string& name) { add_unseen(changes, ChangeKind::kDataBag, name); });
  compare_maps(cookbooks_by_name(head.data), cookbooks_by_name(base.data),
               [&](const std::string& name) { add_unseen(changes, ChangeKind::kCookbook, name); });
}

}  // namespace proofbox::specs::gate
