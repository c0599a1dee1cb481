// /clients/C/keys and /clients/C/keys/K (erchef oc_chef_wm_keys, oc_chef_wm_named_key,
// chef_key; chef-zero actor_keys_endpoint / actor_key_endpoint). The shared rules are in
// actor_keys.cpp; this file names the client and its 404.
#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/errors.hpp"

namespace proofbox::zero::api {
namespace {

// The client's keys, or ChefError 404 "Cannot load client C" (erchef not_found_message).
ActorKeysTarget client_target(const Context& ctx) {
  const std::string& client = ctx.param(0);
  if (!ctx.org->clients().contains(client)) throw not_found("Cannot load client " + client);
  return ActorKeysTarget{client, ctx.org->collection(client_keys_kind(client)),
                         [&ctx, client](std::string_view key) {
                           return ctx.org_url({"clients", client, "keys", key});
                         }};
}

Json object_body(const Context& ctx) {
  Json body = parse_body(ctx);
  model::require_object_body(body);
  return body;
}

}  // namespace

void register_client_key_endpoints(Router& router) {
  router.add(Scope::kOrg, "clients/:client/keys", "GET",
             [](Context& ctx) { return list_keys(client_target(ctx)); });
  router.add(Scope::kOrg, "clients/:client/keys", "POST", [](Context& ctx) {
    ActorKeysTarget target = client_target(ctx);
    return create_key(target, object_body(ctx));
  });
  router.add(Scope::kOrg, "clients/:client/keys/:key", "GET",
             [](Context& ctx) { return get_key(client_target(ctx), ctx.param(1)); });
  router.add(Scope::kOrg, "clients/:client/keys/:key", "PUT", [](Context& ctx) {
    ActorKeysTarget target = client_target(ctx);
    return update_key(target, ctx.param(1), object_body(ctx));
  });
  router.add(Scope::kOrg, "clients/:client/keys/:key", "DELETE",
             [](Context& ctx) { return delete_key(client_target(ctx), ctx.param(1)); });
}

}  // namespace proofbox::zero::api
