#include "proofbox/backup/chef_data.hpp"

#include <utility>

namespace proofbox::backup {

void ChefData::describe_all() {
  for (auto kind : kKinds) described.emplace(kind);
}

std::map<std::string, std::size_t> ChefData::counts() const {
  std::map<std::string, std::size_t> out;
  for (auto kind : kKinds) {
    if (kind == "data_bags") continue;
    out[std::string(kind)] = objects(kind)->size();
  }
  std::size_t items = 0;
  for (const auto& [bag, bag_items] : data_bags) items += bag_items.size();
  out["data_bags"] = items;
  out["data_bags_bags"] = data_bags.size();
  out["files"] = files.size();
  return out;
}

const Objects* ChefData::objects(std::string_view kind) const {
  if (kind == "nodes") return &nodes;
  if (kind == "roles") return &roles;
  if (kind == "environments") return &environments;
  if (kind == "clients") return &clients;
  if (kind == "users") return &users;
  if (kind == "cookbooks") return &cookbooks;
  if (kind == "cookbook_artifacts") return &cookbook_artifacts;
  if (kind == "policies") return &policies;
  if (kind == "policy_groups") return &policy_groups;
  return nullptr;
}

Objects* ChefData::objects(std::string_view kind) {
  return const_cast<Objects*>(std::as_const(*this).objects(kind));
}

}  // namespace proofbox::backup
