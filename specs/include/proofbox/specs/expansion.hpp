#pragma once
// Run-list expansion as chef-client does it (Chef::RunList::RunListExpansion) and the attribute
// levels a node gets from its roles and environment (Chef::Node#apply_expansion_attributes,
// Chef::Node::Attribute#merged_attributes).
//
// Expansion walks the run list in order. A recipe is added unless the same name is already
// there (first one wins). A role is applied once (the first time it is met; later mentions and
// cycles are skipped): its run list for the environment (its env_run_lists entry when it has
// one, else run_list) is expanded first, then its default and override attributes are deep
// merged on top of what the expansion holds so far — so an including role's attributes win over
// the roles it includes, and later roles win over earlier ones. A role that does not exist is
// recorded and skipped.
//
// Attribute levels (lowest first), from the Chef precedence table:
//   default  = deep_merge(node default, environment default, role default)
//   normal   = the node's normal attributes
//   override = deep_merge(node override, role override, environment override)
//   automatic
//   merged   = hash_only_merge(default, normal, override, automatic)
// (deep_merge.hpp says how arrays behave in each.)
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/json.hpp"

namespace proofbox::specs {

using Json = proofbox::Json;

struct ExpandedRecipe {
  std::string name;                    // "cookbook" or "cookbook::recipe"
  std::optional<std::string> version;  // from "recipe[cb@1.2]"

  // "name" or "name@version", as the depsolver takes it.
  std::string with_version() const { return version ? name + "@" + *version : name; }
};

struct Expansion {
  std::vector<ExpandedRecipe> recipes;
  std::vector<std::string> roles;          // applied roles, in the order met
  std::vector<std::string> missing_roles;  // named but not found, in the order met
  // "recipe[x@1.0] and recipe[x@2.0]": one recipe pinned to two versions, which chef-client
  // refuses (Chef::Exceptions::CookbookVersionConflict).
  std::vector<std::string> version_conflicts;
  Json default_attributes = Json::object();
  Json override_attributes = Json::object();

  std::vector<std::string> recipe_names() const;
  // True when the expansion runs `recipe` ("cb" and "cb::default" name the same recipe).
  bool includes_recipe(std::string_view recipe) const;
};

// A role by name, or nullptr when there is none.
using RoleLookup = std::function<const Json*(const std::string&)>;

Expansion expand_run_list(const Json& run_list, std::string_view environment,
                          const RoleLookup& roles);

// "cb" -> "cb::default", "recipe[cb::x]" -> "cb::x", "recipe[cb@1.0]" -> "cb::default".
std::string canonical_recipe(std::string_view item);

// The attributes of one node at every level.
struct AttributeLevels {
  Json environment_default = Json::object();
  Json role_default = Json::object();
  Json default_ = Json::object();
  Json normal = Json::object();
  Json role_override = Json::object();
  Json environment_override = Json::object();
  Json override_ = Json::object();
  Json automatic = Json::object();
  Json merged = Json::object();

  // By level name: environment_default, role_default, default, normal, role_override,
  // environment_override, override, automatic, merged. nullptr for another name.
  const Json* level(std::string_view name) const;
};

inline constexpr const char* kAttributeLevelNames =
    "environment_default, role_default, default, normal, role_override, environment_override, "
    "override, automatic, merged";

// `environment` is the environment document (null for none / _default), `node` a node
// document (null for a bare role: no node attributes).
AttributeLevels attribute_levels(const Expansion& expansion, const Json& environment,
                                 const Json& node);

}  // namespace proofbox::specs
