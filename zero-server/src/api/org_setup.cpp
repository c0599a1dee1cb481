// Org creation as erchef's oc_chef_wm_organizations does it (org record, `_default`
// environment, validator client with a generated key pair) and chef-zero's
// organizations_endpoint / default_creator.
#include "proofbox/zero/api/org_setup.hpp"

#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/model/action.hpp"
#include "proofbox/zero/model/client.hpp"
#include "proofbox/zero/model/environment.hpp"
#include "proofbox/zero/search/org_catalog.hpp"

namespace proofbox::zero::api {
namespace {

// Seeds a freshly created org; returns the validator's private key.
std::string seed_org(store::Store& store, store::Org& org, std::string_view full_name) {
  const std::string& name = org.name();
  store.organizations().put(
      name, store::make_document(
                Json{{"name", name}, {"full_name", full_name}, {"guid", random_hex_id()}}.dump()));

  Json env = model::default_environment();
  org.environments().put(model::kDefaultEnvironment, store::make_document(env.dump()));

  const std::string validator = model::validator_client_name(name);
  Json client = model::normalize_client(Json{{"name", validator}, {"validator", true}},
                                        model::Action::create(), model::ClientOptions{1, name});
  NewKey key = generate_new_key();  // the one key org creation makes
  org.clients().put(validator, store::make_document(client.dump()));
  org.collection(client_keys_kind(validator))
      ->put(kDefaultKeyName,
            store::make_document(key_document(kDefaultKeyName, key.public_key).dump()));
  return *key.private_key;
}

}  // namespace

std::optional<CreatedOrg> create_org(store::Store& store, std::string_view name,
                                     std::string_view full_name) {
  std::shared_ptr<store::Org> org = store.create_org(name);
  if (!org) return std::nullopt;
  // Search indexes follow the org from its first write (orgs made in the store directly are
  // attached on their first search instead).
  search::org_catalog(org);
  std::string private_key = seed_org(store, *org, full_name);
  return CreatedOrg{org, model::validator_client_name(name), std::move(private_key)};
}

std::shared_ptr<store::Org> ensure_org(store::Store& store, std::string_view name,
                                       std::string_view full_name) {
  if (auto org = store.org(name)) return org;
  if (auto created = create_org(store, name, full_name)) return created->org;
  return store.org(name);  // made by someone else meanwhile
}

std::optional<Json> org_document(const store::Store& store, std::string_view name) {
  if (!store.org(name)) return std::nullopt;
  if (auto orgs = store.find("organizations")) {
    if (store::Document doc = orgs->get(name)) {
      Json parsed = Json::parse(*doc, nullptr, false);
      if (parsed.is_object()) return parsed;
    }
  }
  return Json{
      {"name", name}, {"full_name", name}, {"guid", stable_hex_id("org:" + std::string(name))}};
}

}  // namespace proofbox::zero::api
