// /users and /users/U (erchef oc_chef_wm_users, oc_chef_wm_named_user, chef_user,
// oc_chef_wm_key_base; chef-zero actors_endpoint / actor_endpoint; pedant users spec).
//
// Users are server-wide (the store's "users" collection); their keys live in the server kind
// "user_keys/U" (actor_keys.hpp). Passwords are validated but never stored or answered.
//
//   GET    /users            {name: url}; ?email=E keeps the users with that email;
//                            ?verbose=true answers {name: {"email", "first_name", "last_name"}}
//   POST   /users            API v0: the body's public_key or a generated pair -> 201 {"uri",
//                            "private_key"?}. v1+: 201 {"uri", "chef_key"?} as for clients.
//   GET    /users/U          model::user_response (+ public_key in v0)
//   PUT    /users/U          may rename (201); answers {"uri", "private_key"?} (v0 may set
//                            public_key or ask private_key:true)
//   DELETE /users/U          the user as GET shows it; removes its keys and org memberships
// Not found: {"error": "Could not find user U"} (a string, as erchef answers).
#include <algorithm>
#include <cctype>

#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/action.hpp"
#include "proofbox/zero/model/user.hpp"

namespace proofbox::zero::api {
namespace {

std::string user_url(const Context& ctx, std::string_view name) {
  return ctx.server_url({"users", name});
}

std::string user_exists(std::string_view name) {
  return "User '" + std::string(name) + "' already exists";
}

http::Response user_not_found(std::string_view name) {
  return error_string(404, "Could not find user " + std::string(name));
}

// What is stored: the normalised user without password or key material.
Json stored_form(Json user) {
  for (const char* key : {"password", "public_key", "certificate", "private_key", "create_key"}) {
    user.erase(key);
  }
  return user;
}

std::optional<Json> load_user(const Context& ctx, std::string_view name) {
  store::Document doc = ctx.store.users().get(name);
  if (!doc) return std::nullopt;
  return Json::parse(*doc);
}

Json user_answer(const Context& ctx, Json stored, std::string_view name) {
  if (auto key = default_public_key(ctx.store.find(user_keys_kind(name)).get())) {
    stored["public_key"] = *key;
  }
  return model::user_response(stored, ctx.api_version);
}

void store_default_key(Context& ctx, std::string_view user, const std::string& public_key) {
  ctx.store.collection(user_keys_kind(user))
      ->put(kDefaultKeyName,
            store::make_document(key_document(kDefaultKeyName, public_key).dump()));
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

http::Response list_users(Context& ctx) {
  auto email = ctx.request.query_param("email");
  const bool verbose =
      ctx.request.query_param("verbose") == std::optional<std::string_view>("true");
  Json out = Json::object();
  ctx.store.users().for_each([&](const std::string& name, const store::Document& doc) {
    Json user = Json::parse(*doc, nullptr, false);
    if (!user.is_object()) return;
    auto field = [&](const char* key) {
      return user.contains(key) && user[key].is_string() ? user[key].get<std::string>()
                                                         : std::string();
    };
    if (email && lower(field("email")) != lower(std::string(*email))) return;
    if (verbose) {
      out[name] = Json{{"email", field("email")},
                       {"first_name", field("first_name")},
                       {"last_name", field("last_name")}};
    } else {
      out[name] = user_url(ctx, name);
    }
  });
  return http::Response::json(200, out);
}

http::Response create_user(Context& ctx) {
  const Json body = parse_body(ctx);
  Json user = model::normalize_user(body, model::Action::create(),
                                    model::UserOptions{ctx.api_version, true});
  const std::string name = user["username"];
  if (ctx.store.users().contains(name)) throw conflict(user_exists(name));

  std::optional<NewKey> key = key_for_new_actor(body, ctx.api_version);
  create_named(ctx.store.users(), name, stored_form(user), user_exists(name));
  if (key) store_default_key(ctx, name, key->public_key);

  const std::string uri = user_url(ctx, name);
  Json answer{{"uri", uri}};
  if (ctx.api_version == 0) {
    if (key && key->private_key) answer["private_key"] = *key->private_key;
  } else if (key) {
    answer["chef_key"] = chef_key_answer(*key, ctx.server_url({"users", name, "keys", "default"}));
  }
  http::Response r = http::Response::json(201, answer);
  r.headers.emplace_back("Location", uri);
  return r;
}

http::Response update_user(Context& ctx) {
  const std::string& name = ctx.param(0);
  const Json body = parse_body(ctx);
  std::optional<Json> current = load_user(ctx, name);
  if (!current) return user_not_found(name);
  Json user = model::normalize_user(body, model::Action::update(name),
                                    model::UserOptions{ctx.api_version, true}, &*current);
  const std::string new_name = user["username"];

  std::optional<NewKey> new_key = key_for_actor_update(body, ctx.api_version);

  bool renamed = false;
  if (new_name == name) {
    if (!ctx.store.users().replace(name, store::make_document(stored_form(user).dump()))) {
      return user_not_found(name);
    }
  } else {
    switch (
        ctx.store.users().rename(name, new_name, store::make_document(stored_form(user).dump()))) {
      case store::RenameResult::kMissing:
        return user_not_found(name);
      case store::RenameResult::kTaken:
        throw conflict(user_exists(new_name));
      case store::RenameResult::kOk:
        renamed = true;
        break;
    }
    auto new_keys = ctx.store.collection(user_keys_kind(new_name));
    if (auto old_keys = ctx.store.find(user_keys_kind(name))) {
      copy_keys(*old_keys, *new_keys);
    } else {
      new_keys->clear();
    }
    ctx.store.drop(user_keys_kind(name));
  }
  if (new_key) store_default_key(ctx, new_name, new_key->public_key);

  const std::string uri = user_url(ctx, new_name);
  Json answer{{"uri", uri}};
  if (new_key && new_key->private_key) answer["private_key"] = *new_key->private_key;
  http::Response r = http::Response::json(renamed ? 201 : 200, answer);
  if (renamed) r.headers.emplace_back("Location", uri);
  return r;
}

http::Response delete_user(Context& ctx) {
  const std::string& name = ctx.param(0);
  std::optional<Json> current = load_user(ctx, name);
  if (!current) return user_not_found(name);
  Json answer = user_answer(ctx, *current, name);
  if (!ctx.store.users().erase(name)) return user_not_found(name);
  ctx.store.drop(user_keys_kind(name));
  for (const std::string& org : ctx.store.org_names()) {
    if (auto members = ctx.store.find("associations/" + org)) members->erase(name);
  }
  return http::Response::json(200, answer);
}

}  // namespace

void register_user_endpoints(Router& router) {
  router.add(Scope::kServer, "users", "GET", list_users);
  router.add(Scope::kServer, "users", "POST", create_user);
  router.add(Scope::kServer, "users/:name", "GET", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    std::optional<Json> user = load_user(ctx, name);
    if (!user) return user_not_found(name);
    return http::Response::json(200, user_answer(ctx, *user, name));
  });
  router.add(Scope::kServer, "users/:name", "PUT", update_user);
  router.add(Scope::kServer, "users/:name", "DELETE", delete_user);
}

}  // namespace proofbox::zero::api
