// GET /policies (erchef oc_chef_wm_policies; pedant policies specs): every policy that has at
// least one revision, as {NAME: {"uri": URL, "revisions": {REVISION_ID: {}}}}. The server builds
// this list from the revisions, so a policy whose revisions were all deleted is left out.
#include "policy_storage.hpp"
#include "proofbox/zero/api/endpoints.hpp"

namespace proofbox::zero::api {

void register_policies_endpoint(Router& router) {
  router.add(Scope::kOrg, "policies", "GET", [](Context& ctx) {
    Json out = Json::object();
    for (const std::string& name : policy_storage::policy_names(ctx)) {
      auto revisions = policy_storage::find_policy(ctx, name);
      if (!revisions) continue;
      Json ids = Json::object();
      for (const std::string& id : revisions->names()) ids[id] = Json::object();
      if (ids.empty()) continue;
      out[name] = Json{{"uri", ctx.org_url({"policies", name})}, {"revisions", ids}};
    }
    return http::Response::json(200, out);
  });
}

}  // namespace proofbox::zero::api
