#include "proofbox/zero/api/actor_keys.hpp"

#include <openssl/rand.h>

#include <stdexcept>

#include "proofbox/zero/api/object_responses.hpp"
#include "proofbox/zero/auth/digest.hpp"
#include "proofbox/zero/auth/key_source.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/auth/timestamp.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/names.hpp"

namespace proofbox::zero::api {

std::string client_keys_kind(std::string_view client) {
  return "client_keys/" + std::string(client);
}

std::string user_keys_kind(std::string_view user) {
  return "user_keys/" + std::string(user);
}

namespace {

Json parse_key(const store::Document& doc) {
  if (!doc) return Json();
  Json key = Json::parse(*doc, nullptr, false);
  return key.is_object() ? key : Json();
}

void collect(const store::Collection* keys, std::vector<std::string>& out) {
  if (!keys) return;
  const auto now = std::chrono::system_clock::now();
  keys->for_each([&](const std::string&, const store::Document& doc) {
    Json key = parse_key(doc);
    if (key.contains("public_key") && key["public_key"].is_string() && !key_expired(key, now)) {
      out.push_back(key["public_key"].get<std::string>());
    }
  });
}

// Parses an expiration date as erchef accepts it: "infinity" or YYYY-MM-DDThh:mm:ss with an
// optional trailing Z (all times UTC). nullopt when invalid.
std::optional<std::chrono::system_clock::time_point> parse_expiration(std::string_view text) {
  std::string s(text);
  if (s.size() == 19) s += 'Z';
  if (s.size() != 20 || s[19] != 'Z' || s[10] != 'T') return std::nullopt;
  return auth::parse_iso8601(s);
}

ChefError bad_date(std::string_view field) {
  return bad_request("Field " + std::string(field) +
                     " is invalid. All dates must be a valid date in ISO8601 form of exactly "
                     "YYYY-MM-DDThh:mm:ss, eg 2099-02-28T01:00:00, or the string \"infinity\". "
                     "All times are assumed UTC, so do not include a Z on the end of your date.");
}

// The stored form of a valid expiration date: "infinity" or "YYYY-MM-DDThh:mm:ssZ".
std::string checked_expiration(const Json& value) {
  if (!value.is_string()) throw bad_date("expiration_date");
  std::string text = value.get<std::string>();
  if (text == kInfinity) return text;
  if (!parse_expiration(text)) throw bad_date("expiration_date");
  if (text.size() == 19) text += 'Z';
  return text;
}

bool has(const Json& body, std::string_view key) {
  return body.contains(std::string(key));
}

// The key fields of a /keys body (chef_key_base:validate_public_key_fields for keys).
// Returns true when a pair must be generated.
bool check_key_fields(const Json& body) {
  if (has(body, "private_key")) {
    throw bad_request("Please use create_key: true instead of private_key: true");
  }
  if (has(body, "create_key") && !body["create_key"].is_boolean()) {
    throw bad_request("Field 'create_key' invalid");
  }
  if (has(body, "public_key")) {
    if (!body["public_key"].is_string()) throw bad_request("Field 'public_key' invalid");
    auth::require_valid_public_key(body["public_key"].get<std::string>());
  }
  const bool create = has(body, "create_key") && body["create_key"] == true;
  if (create && has(body, "public_key")) {
    throw bad_request("You must specify either create_key or public_key, but not both");
  }
  return create;
}

void check_key_name(const Json& body, bool required) {
  if (!has(body, "name")) {
    if (required) throw bad_request("Field 'name' missing");
    return;
  }
  if (!body["name"].is_string() ||
      !model::valid_name(model::NameKind::key, body["name"].get<std::string>())) {
    throw bad_request("Field 'name' invalid");
  }
}

std::string key_not_found(const ActorKeysTarget& target, std::string_view key) {
  return "There is no key named " + std::string(key) + " associated with " + target.actor + ".";
}

std::string key_conflict(std::string_view key) {
  return "a key with the name '" + std::string(key) + "' already exists for this actor.";
}

}  // namespace

std::vector<std::string> public_keys_for_actor(store::Store& store, store::Org* org,
                                               std::string_view actor) {
  std::vector<std::string> out;
  if (org && org->clients().contains(actor)) {
    collect(org->find(client_keys_kind(actor)).get(), out);
    return out;
  }
  if (store.users().contains(actor)) collect(store.find(user_keys_kind(actor)).get(), out);
  return out;
}

Json key_document(std::string_view name, std::string_view public_key,
                  std::string_view expiration_date) {
  return Json{{"name", name}, {"public_key", public_key}, {"expiration_date", expiration_date}};
}

bool key_expired(const Json& key, std::chrono::system_clock::time_point now) {
  if (!key.is_object() || !key.contains("expiration_date")) return false;
  const Json& exp = key["expiration_date"];
  if (!exp.is_string() || exp == kInfinity) return false;
  auto when = parse_expiration(exp.get<std::string>());
  return when && now > *when;
}

std::optional<std::string> default_public_key(const store::Collection* keys) {
  if (!keys) return std::nullopt;
  Json key = parse_key(keys->get(kDefaultKeyName));
  if (!key.contains("public_key") || !key["public_key"].is_string()) return std::nullopt;
  return key["public_key"].get<std::string>();
}

void copy_keys(const store::Collection& from, store::Collection& to) {
  to.clear();
  from.for_each([&](const std::string& name, const store::Document& doc) { to.put(name, doc); });
}

NewKey generate_new_key() {
  auth::KeyPair pair = auth::new_key_pair();
  return NewKey{std::move(pair.public_pem), std::move(pair.private_pem)};
}

std::optional<NewKey> key_for_new_actor(const Json& body, int api_version) {
  const Json* public_key =
      body.contains("public_key") && body["public_key"].is_string() ? &body["public_key"] : nullptr;
  if (api_version == 0) {
    if (public_key) return NewKey{public_key->get<std::string>(), std::nullopt};
    return generate_new_key();
  }
  if (body.contains("create_key") && body["create_key"] == true) return generate_new_key();
  if (public_key) return NewKey{public_key->get<std::string>(), std::nullopt};
  return std::nullopt;
}

std::optional<NewKey> key_for_actor_update(const Json& body, int api_version) {
  if (api_version != 0) return std::nullopt;
  if (body.contains("private_key") && body["private_key"] == true) return generate_new_key();
  if (body.contains("public_key") && body["public_key"].is_string()) {
    return NewKey{body["public_key"].get<std::string>(), std::nullopt};
  }
  return std::nullopt;
}

Json chef_key_answer(const NewKey& key, const std::string& key_url) {
  Json out = key_document(kDefaultKeyName, key.public_key);
  out["uri"] = key_url;
  if (key.private_key) out["private_key"] = *key.private_key;
  return out;
}

http::Response list_keys(const ActorKeysTarget& target) {
  Json out = Json::array();
  const auto now = std::chrono::system_clock::now();
  for (const std::string& name : target.keys->names()) {
    Json key = parse_key(target.keys->get(name));
    if (key.is_null()) continue;  // removed meanwhile
    out.push_back(
        Json{{"uri", target.key_url(name)}, {"name", name}, {"expired", key_expired(key, now)}});
  }
  return http::Response::json(200, out);
}

http::Response create_key(const ActorKeysTarget& target, const Json& body) {
  check_key_name(body, /*required=*/true);
  bool generate = check_key_fields(body);
  if (!has(body, "public_key")) {
    // Newer servers (and chef-zero) generate a pair when the body has neither field.
    if (has(body, "create_key") && !generate) {
      throw bad_request(
          "You must either provide a valid value for 'public_key', or specify 'create_key': "
          "true");
    }
    generate = true;
  }
  if (!has(body, "expiration_date")) throw bad_request("Field 'expiration_date' missing");
  std::string expiration = checked_expiration(body["expiration_date"]);

  const std::string name = body["name"].get<std::string>();
  if (target.keys->contains(name)) return error_string(409, key_conflict(name));
  NewKey key =
      generate ? generate_new_key() : NewKey{body["public_key"].get<std::string>(), std::nullopt};
  Json doc = key_document(name, key.public_key, expiration);
  if (!target.keys->create(name, store::make_document(doc.dump()))) {
    return error_string(409, key_conflict(name));
  }
  const std::string uri = target.key_url(name);
  Json answer{{"uri", uri}};
  if (key.private_key) answer["private_key"] = *key.private_key;
  http::Response r = http::Response::json(201, answer);
  r.headers.emplace_back("Location", uri);
  return r;
}

http::Response get_key(const ActorKeysTarget& target, std::string_view key) {
  store::Document doc = target.keys->get(key);
  if (!doc) return error_string(404, key_not_found(target, key));
  http::Response r;
  r.body = *doc;
  return r;
}

http::Response update_key(const ActorKeysTarget& target, std::string_view key, const Json& body) {
  if (!has(body, "name") && !has(body, "expiration_date") && !has(body, "public_key") &&
      !has(body, "create_key")) {
    return error_string(
        400, "At least one of 'name', 'expiration_date', or 'public_key' must be specified");
  }
  check_key_name(body, /*required=*/false);
  const bool generate = check_key_fields(body);
  std::optional<std::string> expiration;
  if (has(body, "expiration_date")) expiration = checked_expiration(body["expiration_date"]);

  Json current = parse_key(target.keys->get(key));
  if (current.is_null()) return error_string(404, key_not_found(target, key));

  std::optional<NewKey> fresh;
  if (generate) fresh = generate_new_key();
  Json updated = current;
  const std::string new_name =
      has(body, "name") ? body["name"].get<std::string>() : std::string(key);
  updated["name"] = new_name;
  if (fresh) {
    updated["public_key"] = fresh->public_key;
  } else if (has(body, "public_key")) {
    updated["public_key"] = body["public_key"];
  }
  if (expiration) updated["expiration_date"] = *expiration;

  int status = 200;
  if (new_name == key) {
    if (!target.keys->replace(key, store::make_document(updated.dump()))) {
      return error_string(404, key_not_found(target, key));
    }
  } else {
    switch (target.keys->rename(key, new_name, store::make_document(updated.dump()))) {
      case store::RenameResult::kMissing:
        return error_string(404, key_not_found(target, key));
      case store::RenameResult::kTaken:
        return error_string(409, key_conflict(new_name));
      case store::RenameResult::kOk:
        status = 201;
        break;
    }
  }
  Json answer = updated;
  if (fresh) answer["private_key"] = *fresh->private_key;
  http::Response r = http::Response::json(status, answer);
  if (status == 201) r.headers.emplace_back("Location", target.key_url(new_name));
  return r;
}

http::Response delete_key(const ActorKeysTarget& target, std::string_view key) {
  store::Document doc = target.keys->erase(key);
  if (!doc) return error_string(404, key_not_found(target, key));
  http::Response r;
  r.body = *doc;
  return r;
}

http::Response error_string(int status, std::string_view message) {
  return http::Response::json(status, Json{{"error", message}});
}

std::string stable_hex_id(std::string_view seed) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string digest = auth::digest(auth::DigestAlg::Sha256, seed);
  std::string out;
  for (std::size_t i = 0; i < 16; ++i) {
    auto byte = static_cast<unsigned char>(digest[i]);
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

std::string random_hex_id() {
  static constexpr char kHex[] = "0123456789abcdef";
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
  std::string out;
  for (unsigned char byte : bytes) {
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  return out;
}

}  // namespace proofbox::zero::api
