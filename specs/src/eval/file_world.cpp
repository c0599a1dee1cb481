#include <algorithm>

#include "eval.hpp"

namespace proofbox::specs::detail {

Json converged_node(const RepoContext& ctx, const Json& node) {
  const std::string env = node.value("chef_environment", std::string("_default"));
  Expansion expansion = expand_run_list(node.value("run_list", Json::array()), env, ctx.roles());
  const Json* environment = ctx.environment(env);
  AttributeLevels levels =
      attribute_levels(expansion, environment ? *environment : Json(nullptr), node);
  Json out = node;
  out["default"] = levels.default_;
  out["override"] = levels.override_;
  Json& automatic = out["automatic"];
  if (!automatic.is_object()) automatic = Json::object();
  if (!automatic.contains("roles")) automatic["roles"] = expansion.roles;
  if (!automatic.contains("recipes")) {
    // chef-client saves both spellings of a default recipe (VersionedRecipeList
    // #with_duplicate_names), so `recipes:nginx::default` finds a node running `nginx`.
    Json recipes = Json::array();
    for (const auto& name : expansion.recipe_names()) {
      recipes.push_back(name);
      if (name.find("::") == std::string::npos) recipes.push_back(name + "::default");
    }
    automatic["recipes"] = std::move(recipes);
  }
  return out;
}

FileWorld::FileWorld(const RepoContext& ctx, const SpecFile& spec) : ctx_(ctx) {
  const auto& repo = ctx.repo();
  for (const auto& stub : spec.nodes) {
    if (stub.from_repo && *stub.from_repo == "*") {
      for (const auto& [name, doc] : repo.data.nodes) nodes_[name] = doc;
    } else if (stub.from_repo) {
      if (const Json* doc = repo.node(*stub.from_repo)) {
        nodes_[*stub.from_repo] = *doc;
      } else {
        problems_.emplace_back(stub.line, "no node '" + *stub.from_repo + "' in nodes/");
      }
    } else {
      nodes_[stub.node["name"].get<std::string>()] = stub.node;
    }
  }
  for (const auto& [bag, items] : spec.data_bags) {
    auto& into = stub_bags_[bag];
    for (const auto& item : items) into[item["id"].get<std::string>()] = item;
  }
}

const Json* FileWorld::node(const std::string& name) const {
  if (auto it = nodes_.find(name); it != nodes_.end()) return &it->second;
  return ctx_.repo().node(name);
}

const Json* FileWorld::data_bag_item(const std::string& bag, const std::string& id) const {
  if (auto stub = stub_bags_.find(bag); stub != stub_bags_.end()) {
    auto it = stub->second.find(id);
    return it == stub->second.end() ? nullptr : &it->second;
  }
  const auto& bags = ctx_.repo().data.data_bags;
  auto b = bags.find(bag);
  if (b == bags.end()) return nullptr;
  auto it = b->second.find(id);
  return it == b->second.end() ? nullptr : &it->second;
}

std::vector<std::string> FileWorld::data_bag_items(const std::string& bag) const {
  std::vector<std::string> ids;
  if (auto stub = stub_bags_.find(bag); stub != stub_bags_.end()) {
    for (const auto& [id, item] : stub->second) ids.push_back(id);
    return ids;
  }
  const auto& bags = ctx_.repo().data.data_bags;
  if (auto b = bags.find(bag); b != bags.end()) {
    for (const auto& [id, item] : b->second) ids.push_back(id);
  }
  return ids;
}

const zero::search::Catalog& FileWorld::catalog() const {
  if (catalog_) return *catalog_;
  catalog_ = std::make_unique<zero::search::Catalog>();
  const auto& data = ctx_.repo().data;
  for (const auto& [name, node] : nodes_) catalog_->put("node", name, converged_node(ctx_, node));
  for (const auto& [name, role] : data.roles) catalog_->put("role", name, role);
  for (const auto& name : ctx_.environment_names()) {
    catalog_->put("environment", name, *ctx_.environment(name));
  }
  for (const auto& [bag, items] : data.data_bags) {
    if (stub_bags_.count(bag)) continue;
    for (const auto& [id, item] : items) catalog_->put(bag, id, item);
  }
  for (const auto& [bag, items] : stub_bags_) {
    for (const auto& [id, item] : items) catalog_->put(bag, id, item);
  }
  return *catalog_;
}

}  // namespace proofbox::specs::detail
