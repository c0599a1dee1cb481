// /policy_groups/GROUP (erchef oc_chef_wm_named_policy_group; pedant policies spec): GET and
// DELETE answer {"uri": URL, "policies": {NAME: {"revision_id": R}}} ("policies" always
// present); DELETE removes the group and its assignments, never the policies' revisions.
#include <mutex>

#include "policy_storage.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::api {
namespace {

std::string group_not_found(std::string_view group) {
  return "policy_group '" + std::string(group) + "' not found";
}

}  // namespace

void register_policy_group_endpoint(Router& router) {
  router.add(Scope::kOrg, "policy_groups/:group", "GET", [](Context& ctx) {
    const std::string& group = ctx.param(0);
    store::Document doc = policy_storage::groups(ctx).get(group);
    if (!doc) throw not_found(group_not_found(group));
    return http::Response::json(
        200, policy_storage::group_response(ctx, group, policy_storage::group_policies(doc)));
  });
  router.add(Scope::kOrg, "policy_groups/:group", "DELETE", [](Context& ctx) {
    const std::string& group = ctx.param(0);
    std::lock_guard lock(policy_storage::policy_write_mutex());
    store::Document doc = policy_storage::groups(ctx).erase(group);
    if (!doc) throw not_found(group_not_found(group));
    return http::Response::json(
        200, policy_storage::group_response(ctx, group, policy_storage::group_policies(doc)));
  });
}

}  // namespace proofbox::zero::api
