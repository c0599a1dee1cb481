// /roles, /roles/R, /roles/R/environments and /roles/R/environments/E (erchef chef_wm_roles,
// chef_wm_named_role, chef_wm_role_environments; chef-zero role_environments_endpoint and
// environment_role_endpoint; pedant roles spec). Roles are never renamed: a PUT naming
// another role is 400 "Role name mismatch." (model).
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/api/object_responses.hpp"
#include "proofbox/zero/api/role_environments.hpp"
#include "proofbox/zero/model/role.hpp"

namespace proofbox::zero::api {
namespace {

std::string role_url(const Context& ctx, std::string_view name) {
  return ctx.org_url({"roles", name});
}

constexpr std::string_view kRoleExists = "Role already exists";

}  // namespace

void register_role_endpoints(Router& router) {
  router.add(Scope::kOrg, "roles", "GET", [](Context& ctx) {
    return list_response(ctx.org->roles(), [&](std::string_view n) { return role_url(ctx, n); });
  });
  router.add(Scope::kOrg, "roles", "POST", [](Context& ctx) {
    Json role = model::normalize_role(parse_body(ctx), model::Action::create());
    const std::string name = role["name"];
    create_named(ctx.org->roles(), name, role, kRoleExists);
    return created(role_url(ctx, name));
  });

  router.add(Scope::kOrg, "roles/:name", "GET", [](Context& ctx) {
    return get_named(ctx.org->roles(), ctx.param(0), role_not_found(ctx.param(0)));
  });
  router.add(Scope::kOrg, "roles/:name", "PUT", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    Json role = model::normalize_role(parse_body(ctx), model::Action::update(name));
    update_named(ctx.org->roles(), name, name, role, role_not_found(name), kRoleExists);
    return http::Response::json(200, role);
  });
  router.add(Scope::kOrg, "roles/:name", "DELETE", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    return http::Response::json(200, erase_named(ctx.org->roles(), name, role_not_found(name)));
  });

  // The environments the role has a run list for: "_default" plus its env_run_lists keys,
  // whether or not those environments exist.
  router.add(Scope::kOrg, "roles/:name/environments", "GET", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    Json role = load_named(ctx.org->roles(), name, role_not_found(name));
    return http::Response::json(200, Json(model::role_environments(role)));
  });
  // The role first (404 for the role), then the environment.
  router.add(Scope::kOrg, "roles/:name/environments/:env", "GET", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    Json role = load_named(ctx.org->roles(), name, role_not_found(name));
    return role_run_list_response(ctx, role, ctx.param(1));
  });
}

}  // namespace proofbox::zero::api
