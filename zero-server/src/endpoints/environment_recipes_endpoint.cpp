// /environments/E/recipes (erchef chef_wm_environment_recipes; chef-zero
// environment_recipes_endpoint; pedant environments recipes_spec): the recipes of the newest
// version of each cookbook that E's cookbook_versions constraints allow, sorted.
#include <algorithm>

#include "proofbox/zero/api/cookbook_index.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/api/role_environments.hpp"
#include "proofbox/zero/model/cookbook_manifest.hpp"
#include "proofbox/zero/model/environment.hpp"

namespace proofbox::zero::api {
namespace {

http::Response environment_recipes(Context& ctx) {
  const std::string& env_name = ctx.param(0);
  Json env = load_named(ctx.org->environments(), env_name, environment_not_found(env_name));
  const auto constraints = model::environment_constraints(env);
  std::vector<std::string> recipes;
  for (const std::string& name : cookbook_names(*ctx.org)) {
    const model::Constraint* constraint = nullptr;
    for (const auto& [cookbook, c] : constraints) {
      if (cookbook == name) constraint = &c;
    }
    for (const model::Version& v : cookbook_versions(*ctx.org, name)) {
      if (constraint != nullptr && !constraint->satisfied_by(v)) continue;
      if (auto cookbook = load_cookbook_version(*ctx.org, name, v)) {
        for (std::string& r : model::qualified_recipe_names(name, *cookbook)) {
          recipes.push_back(std::move(r));
        }
      }
      break;  // only the newest allowed version counts
    }
  }
  std::sort(recipes.begin(), recipes.end());
  return http::Response::json(200, recipes);
}

}  // namespace

void register_environment_recipe_endpoints(Router& router) {
  router.add(Scope::kOrg, "environments/:name/recipes", "GET", environment_recipes);
}

}  // namespace proofbox::zero::api
