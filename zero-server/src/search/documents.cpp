// What the Chef server indexes for nodes and data bag items (see documents.hpp).
#include "proofbox/zero/search/documents.hpp"

#include <array>

namespace proofbox::zero::search {
namespace {

// Merges `from` into `into`: objects key by key, anything else replaced.
void deep_merge(Json& into, const Json& from) {
  if (!from.is_object() || !into.is_object()) {
    into = from;
    return;
  }
  for (const auto& [key, value] : from.items()) {
    auto it = into.find(key);
    if (it == into.end()) {
      into[key] = value;
    } else {
      deep_merge(*it, value);
    }
  }
}

// "recipe[x]" / "role[y]" -> ("recipe", "x"); a bare "x" is a recipe.
std::pair<std::string, std::string> run_list_item(const std::string& item) {
  for (const char* kind : {"recipe", "role"}) {
    const std::string open = std::string(kind) + "[";
    if (item.size() > open.size() && item.compare(0, open.size(), open) == 0 &&
        item.back() == ']') {
      return {kind, item.substr(open.size(), item.size() - open.size() - 1)};
    }
  }
  return {"recipe", item};
}

}  // namespace

Json node_for_indexing(const Json& node) {
  static constexpr std::array<const char*, 4> kLevels = {"default", "normal", "override",
                                                         "automatic"};
  Json out = Json::object();
  if (!node.is_object()) return out;
  for (const char* level : kLevels) {
    auto it = node.find(level);
    if (it != node.end() && it->is_object()) deep_merge(out, *it);
  }
  Json recipes = Json::array(), roles = Json::array();
  if (auto rl = node.find("run_list"); rl != node.end() && rl->is_array()) {
    for (const Json& item : *rl) {
      if (!item.is_string()) continue;
      auto [kind, name] = run_list_item(item.get<std::string>());
      (kind == "role" ? roles : recipes).push_back(name);
    }
  }
  out["recipe"] = std::move(recipes);
  out["role"] = std::move(roles);
  for (const auto& [key, value] : node.items()) {
    if (key == "default" || key == "normal" || key == "override" || key == "automatic") continue;
    out[key] = value;
  }
  return out;
}

Json data_bag_item_for_indexing(const Json& item, std::string_view bag) {
  Json out = item.is_object() ? item : Json::object();
  out["chef_type"] = "data_bag_item";
  out["data_bag"] = std::string(bag);
  return out;
}

Json data_bag_item_row(const Json& item, std::string_view bag) {
  std::string id;
  if (auto it = item.find("id"); it != item.end() && it->is_string()) id = it->get<std::string>();
  return Json{{"name", "data_bag_item_" + std::string(bag) + "_" + id},
              {"json_class", "Chef::DataBagItem"},
              {"chef_type", "data_bag_item"},
              {"data_bag", std::string(bag)},
              {"raw_data", item}};
}

}  // namespace proofbox::zero::search
