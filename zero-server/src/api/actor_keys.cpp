#include "proofbox/zero/api/actor_keys.hpp"

#include "proofbox/zero/json.hpp"

namespace proofbox::zero::api {

std::string client_keys_kind(std::string_view client) {
  return "client_keys/" + std::string(client);
}

std::string user_keys_kind(std::string_view user) { return "user_keys/" + std::string(user); }

namespace {

void collect(const store::Collection* keys, std::vector<std::string>& out) {
  if (!keys) return;
  keys->for_each([&](const std::string&, const store::Document& doc) {
    Json key = Json::parse(*doc, nullptr, false);
    if (key.is_object() && key.contains("public_key") && key["public_key"].is_string()) {
      out.push_back(key["public_key"].get<std::string>());
    }
  });
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

}  // namespace proofbox::zero::api
