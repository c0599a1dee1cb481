// /environments/E/cookbooks and /environments/E/cookbooks/NAME (erchef
// chef_wm_environment_cookbooks; chef-zero environment_cookbooks_endpoint and
// environment_cookbook_endpoint; pedant environments cookbooks_spec and single_cookbook_spec).
// The versions each cookbook may use in E (its cookbook_versions constraint; none means any),
// newest first, limited by ?num_versions=N|all — 1 by default for the whole list, all for one
// cookbook. A cookbook with no allowed version is listed with an empty "versions".
#include <optional>

#include "proofbox/zero/api/cookbook_index.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/api/role_environments.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/environment.hpp"

namespace proofbox::zero::api {
namespace {

// The constraint E puts on `cookbook`, or null.
const model::Constraint* constraint_for(
    const std::vector<std::pair<std::string, model::Constraint>>& constraints,
    std::string_view cookbook) {
  for (const auto& [name, c] : constraints) {
    if (name == cookbook) return &c;
  }
  return nullptr;
}

std::vector<model::Version> allowed_versions(const Context& ctx, std::string_view cookbook,
                                             const model::Constraint* constraint,
                                             std::optional<std::size_t> limit) {
  std::vector<model::Version> out;
  for (const model::Version& v : cookbook_versions(*ctx.org, cookbook)) {
    if (limit && out.size() >= *limit) break;
    if (constraint == nullptr || constraint->satisfied_by(v)) out.push_back(v);
  }
  return out;
}

http::Response environment_cookbooks(Context& ctx) {
  const std::string& env_name = ctx.param(0);
  const auto limit = num_versions_param(ctx, 1);
  Json env = load_named(ctx.org->environments(), env_name, environment_not_found(env_name));
  const auto constraints = model::environment_constraints(env);
  Json out = Json::object();
  for (const std::string& name : cookbook_names(*ctx.org)) {
    out[name] = cookbook_listing_entry(
        ctx, name, allowed_versions(ctx, name, constraint_for(constraints, name), limit));
  }
  return http::Response::json(200, out);
}

http::Response environment_cookbook(Context& ctx) {
  const std::string& env_name = ctx.param(0);
  const std::string& name = ctx.param(1);
  const auto limit = num_versions_param(ctx, std::nullopt);
  Json env = load_named(ctx.org->environments(), env_name, environment_not_found(env_name));
  if (cookbook_versions(*ctx.org, name).empty()) throw not_found(cookbook_not_found(name));
  const auto constraints = model::environment_constraints(env);
  return http::Response::json(
      200,
      Json{{name, cookbook_listing_entry(
                      ctx, name,
                      allowed_versions(ctx, name, constraint_for(constraints, name), limit))}});
}

}  // namespace

void register_environment_cookbook_endpoints(Router& router) {
  router.add(Scope::kOrg, "environments/:name/cookbooks", "GET", environment_cookbooks);
  router.add(Scope::kOrg, "environments/:name/cookbooks/:cookbook", "GET", environment_cookbook);
}

}  // namespace proofbox::zero::api
