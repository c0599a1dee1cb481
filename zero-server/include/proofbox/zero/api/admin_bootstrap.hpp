#pragma once
// First credentials of a server that verifies signatures: with `--auth verify` nothing can be
// done until someone holds a key, so `proofbox serve` makes an admin user (a member of the
// default org) and the org's validator, and hands their private keys to the operator, the way a
// fresh Chef Infra Server install leaves pivotal.pem and ORG-validator.pem behind.
#include <string>
#include <string_view>

#include "proofbox/zero/store/store.hpp"

namespace proofbox::zero::api {

struct AdminCredentials {
  std::string admin_name;
  std::string admin_private_key;      // PKCS#1 PEM
  std::string validator_name;         // ORG-validator
  std::string validator_private_key;  // PKCS#1 PEM
};

// Creates the org (when missing) and the admin user with fresh keys; when the org already
// existed its validator gets a new default key, since the old private half is not known.
AdminCredentials bootstrap_admin(store::Store& store, std::string_view org,
                                 std::string_view admin_name);

}  // namespace proofbox::zero::api
