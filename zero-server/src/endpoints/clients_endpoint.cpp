// /clients and /clients/C (erchef chef_wm_clients, chef_wm_named_client, chef_client,
// oc_chef_wm_key_base; chef-zero actors_endpoint / actor_endpoint; pedant clients spec).
//
// A client's document holds no key: its keys live in the org kind "client_keys/C" (see
// actor_keys.hpp), the "default" one being what API v0 shows as the client's public_key.
//
//   POST   API v0: the body's public_key or a generated pair -> 201 {"uri", "public_key",
//          "private_key"?}. API v1+: create_key:true or public_key -> 201 {"uri", "chef_key":
//          {"name": "default", "public_key", "expiration_date", "uri", "private_key"?}}; neither
//          -> a client with no key, 201 {"uri"}.
//   GET    name, clientname, validator, orgname, json_class, chef_type (+ public_key in v0).
//   PUT    may rename (201; keys move along). v0: public_key replaces the default key,
//          private_key:true generates a new pair; the answer carries "private_key" (PEM or
//          false). v1+: key fields are refused (model).
//   DELETE answers with the client as GET shows it and removes its keys.
#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/action.hpp"
#include "proofbox/zero/model/client.hpp"

namespace proofbox::zero::api {
namespace {

constexpr std::string_view kClientExists = "Client already exists";

std::string client_url(const Context& ctx, std::string_view name) {
  return ctx.org_url({"clients", name});
}

std::string default_key_url(const Context& ctx, std::string_view client) {
  return ctx.org_url({"clients", client, "keys", kDefaultKeyName});
}

std::string client_not_found(std::string_view name) {
  return "Cannot load client " + std::string(name);
}

model::ClientOptions options_for(const Context& ctx) {
  return model::ClientOptions{ctx.api_version, ctx.org->name()};
}

// What is stored: the normalised client without key material.
Json stored_form(Json client) {
  for (const char* key : {"public_key", "certificate", "private_key", "create_key"}) {
    client.erase(key);
  }
  return client;
}

// The stored client with its default public key, for the answers that show it (API v0).
Json with_public_key(const Context& ctx, Json stored, std::string_view name) {
  if (auto key = default_public_key(ctx.org->find(client_keys_kind(name)).get())) {
    stored["public_key"] = *key;
  }
  return stored;
}

Json client_answer(const Context& ctx, const Json& stored, std::string_view name) {
  return model::client_response(with_public_key(ctx, stored, name), ctx.org->name(),
                                ctx.api_version);
}

void store_default_key(const Context& ctx, std::string_view client, const std::string& public_key) {
  ctx.org->collection(client_keys_kind(client))
      ->put(kDefaultKeyName,
            store::make_document(key_document(kDefaultKeyName, public_key).dump()));
}

http::Response create_client(Context& ctx) {
  const Json body = parse_body(ctx);
  Json client = model::normalize_client(body, model::Action::create(), options_for(ctx));
  const std::string name = client["name"];
  if (ctx.org->clients().contains(name)) throw conflict(std::string(kClientExists));

  std::optional<NewKey> key = key_for_new_actor(body, ctx.api_version);
  create_named(ctx.org->clients(), name, stored_form(client), kClientExists);
  if (key) store_default_key(ctx, name, key->public_key);

  const std::string uri = client_url(ctx, name);
  Json answer{{"uri", uri}};
  if (ctx.api_version == 0) {
    if (key) answer["public_key"] = key->public_key;
    if (key && key->private_key) answer["private_key"] = *key->private_key;
  } else if (key) {
    answer["chef_key"] = chef_key_answer(*key, default_key_url(ctx, name));
  }
  http::Response r = http::Response::json(201, answer);
  r.headers.emplace_back("Location", uri);
  return r;
}

http::Response update_client(Context& ctx) {
  const std::string& name = ctx.param(0);
  const Json body = parse_body(ctx);
  const Json current = load_named(ctx.org->clients(), name, client_not_found(name));
  Json client =
      model::normalize_client(body, model::Action::update(name), options_for(ctx), &current);
  const std::string new_name = client["name"];

  std::optional<NewKey> new_key = key_for_actor_update(body, ctx.api_version);

  const Json stored = stored_form(client);
  const bool renamed = update_named(ctx.org->clients(), name, new_name, stored,
                                    client_not_found(name), kClientExists);
  if (renamed) {
    auto new_keys = ctx.org->collection(client_keys_kind(new_name));
    if (auto old_keys = ctx.org->find(client_keys_kind(name))) {
      copy_keys(*old_keys, *new_keys);
    } else {
      new_keys->clear();
    }
    ctx.org->drop(client_keys_kind(name));
  }
  if (new_key) store_default_key(ctx, new_name, new_key->public_key);

  Json answer = stored;
  if (ctx.api_version == 0) {
    answer = with_public_key(ctx, stored, new_name);
    answer["private_key"] =
        new_key && new_key->private_key ? Json(*new_key->private_key) : Json(false);
  }
  http::Response r = http::Response::json(renamed ? 201 : 200, answer);
  if (renamed) r.headers.emplace_back("Location", client_url(ctx, new_name));
  return r;
}

http::Response delete_client(Context& ctx) {
  const std::string& name = ctx.param(0);
  // Read the key before the client goes, so the v0 answer can still show it.
  const Json current = load_named(ctx.org->clients(), name, client_not_found(name));
  Json answer = client_answer(ctx, current, name);
  erase_named(ctx.org->clients(), name, client_not_found(name));
  ctx.org->drop(client_keys_kind(name));
  return http::Response::json(200, answer);
}

}  // namespace

void register_client_endpoints(Router& router) {
  router.add(Scope::kOrg, "clients", "GET", [](Context& ctx) {
    Json out = Json::object();
    for (const std::string& name : ctx.org->clients().names()) out[name] = client_url(ctx, name);
    return http::Response::json(200, out);
  });
  router.add(Scope::kOrg, "clients", "POST", create_client);

  router.add(Scope::kOrg, "clients/:name", "GET", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    const Json stored = load_named(ctx.org->clients(), name, client_not_found(name));
    return http::Response::json(200, client_answer(ctx, stored, name));
  });
  router.add(Scope::kOrg, "clients/:name", "PUT", update_client);
  router.add(Scope::kOrg, "clients/:name", "DELETE", delete_client);
}

}  // namespace proofbox::zero::api
