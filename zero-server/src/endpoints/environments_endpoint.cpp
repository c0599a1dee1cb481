// /environments, /environments/E, /environments/E/nodes and /environments/E/roles/R (erchef
// chef_wm_environments, chef_wm_named_environment, chef_wm_environment_roles; chef-zero
// environment_endpoint, environment_nodes_endpoint, environment_role_endpoint; pedant
// environments specs). A PUT naming another environment renames it (201); "_default" can be
// read but neither changed nor deleted (405).
#include <optional>

#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/api/object_responses.hpp"
#include "proofbox/zero/api/role_environments.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/environment.hpp"

namespace proofbox::zero::api {
namespace {

std::string environment_url(const Context& ctx, std::string_view name) {
  return ctx.org_url({"environments", name});
}

constexpr std::string_view kEnvironmentExists = "Environment already exists";

// 405 for PUT/DELETE of "_default", with the model's message; null for any other name.
std::optional<http::Response> refuse_default(std::string_view name) {
  try {
    model::require_modifiable_environment(name);
  } catch (const ChefError& e) {
    http::Response r = http::Response::error(e.status(), e.messages());
    r.headers.emplace_back("Allow", "GET");
    return r;
  }
  return std::nullopt;
}

// "_default" always exists, so nothing may be created or renamed onto it.
void refuse_default_target(std::string_view name) {
  if (model::is_default_environment(name)) throw conflict(std::string(kEnvironmentExists));
}

// {name: url} of the nodes whose chef_environment is `env`.
Json environment_nodes(const Context& ctx, std::string_view env) {
  Json out = Json::object();
  ctx.org->nodes().for_each([&](const std::string& name, const store::Document& doc) {
    Json node = Json::parse(*doc, nullptr, /*allow_exceptions=*/false);
    if (!node.is_object()) return;
    auto it = node.find("chef_environment");
    const bool in_env =
        it == node.end() ? model::is_default_environment(env) : (it->is_string() && *it == env);
    if (in_env) out[name] = ctx.org_url({"nodes", name});
  });
  return out;
}

}  // namespace

void register_environment_endpoints(Router& router) {
  router.add(Scope::kOrg, "environments", "GET", [](Context& ctx) {
    return list_response(ctx.org->environments(),
                         [&](std::string_view n) { return environment_url(ctx, n); });
  });
  router.add(Scope::kOrg, "environments", "POST", [](Context& ctx) {
    Json env = model::normalize_environment(parse_body(ctx));
    const std::string name = env["name"];
    refuse_default_target(name);
    create_named(ctx.org->environments(), name, env, kEnvironmentExists);
    return created(environment_url(ctx, name));
  });

  router.add(Scope::kOrg, "environments/:name", "GET", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    return get_named(ctx.org->environments(), name, environment_not_found(name));
  });
  router.add(Scope::kOrg, "environments/:name", "PUT", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    if (auto refused = refuse_default(name)) return *refused;
    Json env = model::normalize_environment(parse_body(ctx));
    const std::string new_name = env["name"];
    if (new_name != name) refuse_default_target(new_name);
    const bool renamed = update_named(ctx.org->environments(), name, new_name, env,
                                      environment_not_found(name), kEnvironmentExists);
    return http::Response::json(renamed ? 201 : 200, env);
  });
  router.add(Scope::kOrg, "environments/:name", "DELETE", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    if (auto refused = refuse_default(name)) return *refused;
    return http::Response::json(
        200, erase_named(ctx.org->environments(), name, environment_not_found(name)));
  });

  router.add(Scope::kOrg, "environments/:name/nodes", "GET", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    require_environment(ctx, name);
    return http::Response::json(200, environment_nodes(ctx, name));
  });
  // The environment first (404 for the environment), then the role.
  router.add(Scope::kOrg, "environments/:name/roles/:role", "GET", [](Context& ctx) {
    const std::string& env = ctx.param(0);
    const std::string& role_name = ctx.param(1);
    require_environment(ctx, env);
    Json role = load_named(ctx.org->roles(), role_name, role_not_found(role_name));
    return role_run_list_response(ctx, role, env);
  });
}

}  // namespace proofbox::zero::api
