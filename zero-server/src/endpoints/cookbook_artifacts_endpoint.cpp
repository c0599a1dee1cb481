// GET /cookbook_artifacts (erchef oc_chef_wm_named_cookbook_artifact, list form; pedant
// cookbook_artifacts read spec): {NAME: {"url": URL, "versions": [{"url", "identifier"}]}}.
#include "cookbook_artifact_storage.hpp"
#include "proofbox/zero/api/endpoints.hpp"

namespace proofbox::zero::api {

void register_cookbook_artifacts_endpoint(Router& router) {
  router.add(Scope::kOrg, "cookbook_artifacts", "GET", [](Context& ctx) {
    Json out = Json::object();
    for (const std::string& name : artifact_storage::artifact_names(ctx)) {
      auto ids = artifact_storage::find_artifacts(ctx, name);
      if (ids) out[name] = artifact_storage::artifact_listing(ctx, name, *ids);
    }
    return http::Response::json(200, out);
  });
}

}  // namespace proofbox::zero::api
