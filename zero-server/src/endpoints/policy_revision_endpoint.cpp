// /policies/NAME/revisions/REVISION_ID (erchef oc_chef_wm_named_policy_named_revision; pedant
// policies spec): GET answers the stored revision; DELETE answers it and removes it (and any
// group assignment of it), leaving the policy itself in place. erchef answers a missing
// revision with a bare 404; the body here is chef-zero's.
#include <mutex>

#include "policy_storage.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::api {
namespace {

std::string revision_not_found(const Context& ctx) {
  return policy_storage::object_not_found(ctx,
                                          {"policies", ctx.param(0), "revisions", ctx.param(1)});
}

}  // namespace

void register_policy_revision_endpoint(Router& router) {
  router.add(Scope::kOrg, "policies/:name/revisions/:revision", "GET", [](Context& ctx) {
    auto revisions = policy_storage::find_policy(ctx, ctx.param(0));
    if (!revisions) throw not_found(revision_not_found(ctx));
    return get_named(*revisions, ctx.param(1), revision_not_found(ctx));
  });
  router.add(Scope::kOrg, "policies/:name/revisions/:revision", "DELETE", [](Context& ctx) {
    std::lock_guard lock(policy_storage::policy_write_mutex());
    auto revisions = policy_storage::find_policy(ctx, ctx.param(0));
    if (!revisions) throw not_found(revision_not_found(ctx));
    Json deleted = erase_named(*revisions, ctx.param(1), revision_not_found(ctx));
    policy_storage::unassign(ctx, ctx.param(0), ctx.param(1));
    return http::Response::json(200, deleted);
  });
}

}  // namespace proofbox::zero::api
