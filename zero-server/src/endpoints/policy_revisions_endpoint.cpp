// POST /policies/NAME/revisions (erchef oc_chef_wm_named_policy_revisions; pedant policies
// spec): validates the revision (model/policy.hpp), creates the policy when it is new, stores
// the revision and answers 201 with the body as sent. A revision id the policy already has is
// 409.
#include <mutex>

#include "policy_storage.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/policy.hpp"

namespace proofbox::zero::api {
namespace {

std::string revision_exists(std::string_view policy, std::string_view revision) {
  return "Policy '" + std::string(policy) + "' with revision_id '" + std::string(revision) +
         "' already exists.";
}

}  // namespace

void register_policy_revisions_endpoint(Router& router) {
  router.add(Scope::kOrg, "policies/:name/revisions", "POST", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    Json body = parse_body(ctx);
    model::validate_policy_revision(body, name);
    const std::string revision = body["revision_id"];
    {
      std::lock_guard lock(policy_storage::policy_write_mutex());
      auto revisions = ctx.org->collection(policy_storage::revisions_kind(name));
      create_named(*revisions, revision, model::policy_revision_for_storage(body),
                   revision_exists(name, revision));
    }
    http::Response r = http::Response::json(201, body);
    r.headers.emplace_back("Location", ctx.org_url({"policies", name}));
    return r;
  });
}

}  // namespace proofbox::zero::api
