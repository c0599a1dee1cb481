// /policies/NAME (erchef oc_chef_wm_named_policy; pedant policies spec): GET lists the
// policy's revisions as {"revisions": {REVISION_ID: {}}}; DELETE answers the same and removes
// the policy, its revisions and every group's assignment of it (the database cascades).
// erchef answers a missing policy with a bare 404; the body here is chef-zero's.
#include <mutex>

#include "policy_storage.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::api {
namespace {

Json revisions_of(const store::Collection& revisions) {
  Json ids = Json::object();
  for (const std::string& id : revisions.names()) ids[id] = Json::object();
  return Json{{"revisions", ids}};
}

std::shared_ptr<store::Collection> existing_policy(const Context& ctx) {
  auto revisions = policy_storage::find_policy(ctx, ctx.param(0));
  if (!revisions) {
    throw not_found(policy_storage::object_not_found(ctx, {"policies", ctx.param(0)}));
  }
  return revisions;
}

}  // namespace

void register_policy_endpoint(Router& router) {
  router.add(Scope::kOrg, "policies/:name", "GET", [](Context& ctx) {
    return http::Response::json(200, revisions_of(*existing_policy(ctx)));
  });
  router.add(Scope::kOrg, "policies/:name", "DELETE", [](Context& ctx) {
    std::lock_guard lock(policy_storage::policy_write_mutex());
    Json body = revisions_of(*existing_policy(ctx));
    policy_storage::unassign(ctx, ctx.param(0));
    ctx.org->drop(policy_storage::revisions_kind(ctx.param(0)));
    return http::Response::json(200, body);
  });
}

}  // namespace proofbox::zero::api
