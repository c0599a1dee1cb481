#include "proofbox/zero/api/admin_bootstrap.hpp"

#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/api/org_setup.hpp"
#include "proofbox/zero/model/action.hpp"
#include "proofbox/zero/model/user.hpp"

namespace proofbox::zero::api {

AdminCredentials bootstrap_admin(store::Store& store, std::string_view org,
                                 std::string_view admin_name) {
  AdminCredentials out;
  out.admin_name = std::string(admin_name);
  if (auto created = create_org(store, org, std::string(org))) {
    out.validator_name = created->validator_name;
    out.validator_private_key = created->validator_private_key;
  } else {
    auto existing = store.org(org);
    out.validator_name = std::string(org) + "-validator";
    NewKey key = generate_new_key();
    existing->collection(client_keys_kind(out.validator_name))
        ->put("default", store::make_document(key_document("default", key.public_key).dump()));
    out.validator_private_key = *key.private_key;
  }

  NewKey admin_key = generate_new_key();
  model::UserOptions options;
  options.local_auth_rules = false;
  Json user = model::normalize_user(Json{{"username", out.admin_name},
                                         {"display_name", out.admin_name},
                                         {"email", out.admin_name + "@proofbox.invalid"},
                                         {"admin", true}},
                                    model::Action::create(), options);
  store.users().put(out.admin_name, store::make_document(user.dump()));
  store.collection(user_keys_kind(out.admin_name))
      ->put("default", store::make_document(key_document("default", admin_key.public_key).dump()));
  store.collection("associations/" + std::string(org))
      ->put(out.admin_name, store::make_document("{}"));
  out.admin_private_key = *admin_key.private_key;
  return out;
}

}  // namespace proofbox::zero::api
