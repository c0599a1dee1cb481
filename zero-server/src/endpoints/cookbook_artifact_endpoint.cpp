// GET /cookbook_artifacts/NAME (erchef oc_chef_wm_named_cookbook_artifact, single form):
// {NAME: {"url": URL, "versions": [{"url", "identifier"}]}}, or 404 {"error": ["not_found"]}.
#include "cookbook_artifact_storage.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::api {

void register_cookbook_artifact_endpoint(Router& router) {
  router.add(Scope::kOrg, "cookbook_artifacts/:name", "GET", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    auto ids = artifact_storage::find_artifacts(ctx, name);
    if (!ids) throw not_found(std::string(artifact_storage::kNotFound));
    return http::Response::json(200,
                                Json{{name, artifact_storage::artifact_listing(ctx, name, *ids)}});
  });
}

}  // namespace proofbox::zero::api
