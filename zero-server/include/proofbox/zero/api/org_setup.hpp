#pragma once
// What every new organization starts with, as on the Chef server: the `_default` environment,
// the org document and its validator client (ORG-validator).
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/store/store.hpp"

namespace proofbox::zero::api {

// Creates and seeds the org when missing; returns it either way.
std::shared_ptr<store::Org> ensure_org(store::Store& store, std::string_view name,
                                       std::string_view full_name);

struct CreatedOrg {
  std::shared_ptr<store::Org> org;
  std::string validator_name;         // "ORG-validator"
  std::string validator_private_key;  // PKCS#1 PEM; its public half is the validator's key
};

// Creates and seeds a new org (POST /organizations): the org document {"name", "full_name",
// "guid"} in the server collection "organizations", the `_default` environment and the
// validator client with one generated key pair. nullopt when the org already exists.
std::optional<CreatedOrg> create_org(store::Store& store, std::string_view name,
                                     std::string_view full_name);

// The org document {"name", "full_name", "guid"}; made up from the name for an org that was
// created in the store directly. nullopt when there is no such org.
std::optional<Json> org_document(const store::Store& store, std::string_view name);

}  // namespace proofbox::zero::api
