// GET /policy_groups (erchef oc_chef_wm_policy_groups; pedant policies spec): every group as
// {GROUP: {"uri": URL, "policies": {NAME: {"revision_id": R}}}}; a group with no policies
// assigned has no "policies" key at all.
#include "policy_storage.hpp"
#include "proofbox/zero/api/endpoints.hpp"

namespace proofbox::zero::api {

void register_policy_groups_endpoint(Router& router) {
  router.add(Scope::kOrg, "policy_groups", "GET", [](Context& ctx) {
    Json out = Json::object();
    policy_storage::groups(ctx).for_each([&](const std::string& group, const store::Document& doc) {
      Json entry = policy_storage::group_response(ctx, group, policy_storage::group_policies(doc));
      if (entry["policies"].empty()) entry.erase("policies");
      out[group] = std::move(entry);
    });
    return http::Response::json(200, out);
  });
}

}  // namespace proofbox::zero::api
