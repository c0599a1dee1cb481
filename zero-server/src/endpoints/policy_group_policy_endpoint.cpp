// /policy_groups/GROUP/policies/NAME (erchef oc_chef_wm_policy_group_policy_rev; chef-zero
// policy_group_policy_endpoint; pedant policies spec): which revision of NAME the group uses.
//   GET     the assigned revision's document
//   PUT     validates the body as a revision of NAME (model/policy.hpp), creates the policy, the
//           revision (kept as first stored when the id exists) and the group as needed, assigns
//           the revision; 201 when the group had no revision of NAME, else 200; answers the body
//   DELETE  removes the assignment (not the revision) and answers the revision's document
// A missing group or assignment is 404 "Cannot load policy NAME in policy group GROUP".
#include <mutex>

#include "policy_storage.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/policy.hpp"

namespace proofbox::zero::api {
namespace {

std::string assignment_not_found(const Context& ctx) {
  return "Cannot load policy " + ctx.param(1) + " in policy group " + ctx.param(0);
}

// The revision id GROUP assigns to NAME, or throws the 404.
std::string assigned_revision(const Context& ctx) {
  Json policies = policy_storage::group_policies(policy_storage::groups(ctx).get(ctx.param(0)));
  auto it = policies.find(ctx.param(1));
  if (it == policies.end() || !it->is_string()) throw not_found(assignment_not_found(ctx));
  return *it;
}

http::Response put_assignment(Context& ctx) {
  const std::string& group = ctx.param(0);
  const std::string& name = ctx.param(1);
  Json body = parse_body(ctx);
  model::validate_policy_revision(body, name);
  const std::string revision = body["revision_id"];

  bool assigned_before = false;
  {
    std::lock_guard lock(policy_storage::policy_write_mutex());
    auto revisions = ctx.org->collection(policy_storage::revisions_kind(name));
    revisions->create(revision,
                      store::make_document(model::policy_revision_for_storage(body).dump()));
    policy_storage::groups(ctx).update(group, [&](const store::Document& current) {
      Json policies = policy_storage::group_policies(current);
      assigned_before = policies.contains(name);
      policies[name] = revision;
      return store::make_document(Json{{"policies", policies}}.dump());
    });
  }
  if (assigned_before) return http::Response::json(200, body);
  http::Response r = http::Response::json(201, body);
  r.headers.emplace_back("Location", ctx.org_url({"policies", name}));
  return r;
}

}  // namespace

void register_policy_group_policy_endpoint(Router& router) {
  router.add(Scope::kOrg, "policy_groups/:group/policies/:name", "GET", [](Context& ctx) {
    const std::string revision = assigned_revision(ctx);
    auto revisions = policy_storage::find_policy(ctx, ctx.param(1));
    if (!revisions) throw not_found(assignment_not_found(ctx));
    return get_named(*revisions, revision, assignment_not_found(ctx));
  });
  router.add(Scope::kOrg, "policy_groups/:group/policies/:name", "PUT", put_assignment);
  router.add(Scope::kOrg, "policy_groups/:group/policies/:name", "DELETE", [](Context& ctx) {
    std::lock_guard lock(policy_storage::policy_write_mutex());
    const std::string revision = assigned_revision(ctx);
    auto revisions = policy_storage::find_policy(ctx, ctx.param(1));
    store::Document doc = revisions ? revisions->get(revision) : nullptr;
    policy_storage::unassign_from_group(ctx, ctx.param(0), ctx.param(1));
    if (!doc) throw not_found(assignment_not_found(ctx));
    return http::Response::json(200, Json::parse(*doc));
  });
}

}  // namespace proofbox::zero::api
