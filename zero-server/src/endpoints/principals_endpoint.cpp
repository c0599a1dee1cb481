// /principals/P (erchef chef_wm_named_principal; chef-zero principal_endpoint): who may sign
// requests as P in this org, and with which public key.
//
//   API v0: the org's client P, else the server's user P:
//           {"name", "public_key", "type": "client"|"user", "authz_id", "org_member"}
//   API v1+: {"principals": [...]}, one such entry per key of the client and of the user
//           (erchef fetch_requestors: one requestor row per actor key), "default" first.
//   Neither: 404 {"not_found": "principal", "error": "Cannot find principal P"}.
// Clients are always org members; a user is one when the org's "associations/ORG" server
// collection lists it. authz ids are stable stand-ins (32 hex digits).
#include <algorithm>

#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/api/endpoints.hpp"

namespace proofbox::zero::api {
namespace {

struct Actor {
  std::string type;  // "client" or "user"
  std::shared_ptr<store::Collection> keys;
  bool org_member = false;
};

std::vector<Actor> actors_named(const Context& ctx, const std::string& name) {
  std::vector<Actor> out;
  if (ctx.org->clients().contains(name)) {
    out.push_back(Actor{"client", ctx.org->find(client_keys_kind(name)), true});
  }
  if (ctx.store.users().contains(name)) {
    auto members = ctx.store.find("associations/" + ctx.org->name());
    out.push_back(
        Actor{"user", ctx.store.find(user_keys_kind(name)), members && members->contains(name)});
  }
  return out;
}

Json principal(const Context& ctx, const std::string& name, const Actor& actor,
               const Json& public_key) {
  const std::string scope = actor.type == "client" ? "client:" + ctx.org->name() + ":" : "user:";
  return Json{{"name", name},
              {"public_key", public_key},
              {"type", actor.type},
              {"authz_id", stable_hex_id(scope + name)},
              {"org_member", actor.org_member}};
}

// The actor's keys, "default" first, then by name.
std::vector<Json> keys_of(const Actor& actor) {
  std::vector<Json> out;
  if (!actor.keys) return out;
  std::vector<std::string> names = actor.keys->names();
  std::stable_partition(names.begin(), names.end(),
                        [](const std::string& n) { return n == kDefaultKeyName; });
  for (const std::string& n : names) {
    store::Document doc = actor.keys->get(n);
    if (!doc) continue;
    Json key = Json::parse(*doc, nullptr, false);
    if (key.is_object() && key.contains("public_key")) out.push_back(key["public_key"]);
  }
  return out;
}

http::Response principal_not_found(const std::string& name) {
  return http::Response::json(
      404, Json{{"not_found", "principal"}, {"error", "Cannot find principal " + name}});
}

}  // namespace

void register_principal_endpoints(Router& router) {
  router.add(Scope::kOrg, "principals/:name", "GET", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    std::vector<Actor> actors = actors_named(ctx, name);
    if (actors.empty()) return principal_not_found(name);
    if (ctx.api_version == 0) {
      const Actor& actor = actors.front();
      auto key = default_public_key(actor.keys.get());
      return http::Response::json(200, principal(ctx, name, actor, key ? Json(*key) : Json()));
    }
    Json list = Json::array();
    for (const Actor& actor : actors) {
      for (const Json& key : keys_of(actor)) list.push_back(principal(ctx, name, actor, key));
    }
    if (list.empty()) return principal_not_found(name);
    return http::Response::json(200, Json{{"principals", list}});
  });
  router.set_public(Scope::kOrg, "principals/:name");
}

}  // namespace proofbox::zero::api
