// /users/U/keys and /users/U/keys/K (erchef oc_chef_wm_keys, oc_chef_wm_named_key, chef_key;
// chef-zero user_keys_endpoint / actor_key_endpoint). The shared rules are in actor_keys.cpp;
// this file names the user and its 404 ({"error": "Could not find user U"}, a string).
#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/model/errors.hpp"

namespace proofbox::zero::api {
namespace {

std::optional<ActorKeysTarget> user_target(const Context& ctx) {
  const std::string& user = ctx.param(0);
  if (!ctx.store.users().contains(user)) return std::nullopt;
  return ActorKeysTarget{user, ctx.store.collection(user_keys_kind(user)),
                         [&ctx, user](std::string_view key) {
                           return ctx.server_url({"users", user, "keys", key});
                         }};
}

http::Response user_not_found(const Context& ctx) {
  return error_string(404, "Could not find user " + ctx.param(0));
}

Json object_body(const Context& ctx) {
  Json body = parse_body(ctx);
  model::require_object_body(body);
  return body;
}

}  // namespace

void register_user_key_endpoints(Router& router) {
  router.add(Scope::kServer, "users/:user/keys", "GET", [](Context& ctx) {
    auto target = user_target(ctx);
    return target ? list_keys(*target) : user_not_found(ctx);
  });
  router.add(Scope::kServer, "users/:user/keys", "POST", [](Context& ctx) {
    auto target = user_target(ctx);
    return target ? create_key(*target, object_body(ctx)) : user_not_found(ctx);
  });
  router.add(Scope::kServer, "users/:user/keys/:key", "GET", [](Context& ctx) {
    auto target = user_target(ctx);
    return target ? get_key(*target, ctx.param(1)) : user_not_found(ctx);
  });
  router.add(Scope::kServer, "users/:user/keys/:key", "PUT", [](Context& ctx) {
    auto target = user_target(ctx);
    return target ? update_key(*target, ctx.param(1), object_body(ctx)) : user_not_found(ctx);
  });
  router.add(Scope::kServer, "users/:user/keys/:key", "DELETE", [](Context& ctx) {
    auto target = user_target(ctx);
    return target ? delete_key(*target, ctx.param(1)) : user_not_found(ctx);
  });
}

}  // namespace proofbox::zero::api
