#pragma once
// Users (erchef chef_user.erl, chef_key_base.erl, chef_regex.erl; chef-zero data_normalizer).
//
// normalize_user validates a POST /users or PUT /users/U body and returns the document to
// store:
//   * the name is "name" when present, else "username": a [a-z0-9_-]+ string
//     ("Field 'name' invalid" / "Field 'username' invalid"); neither present ->
//     "Field 'username' missing". The result carries it as "username" (no "name"). A PUT
//     naming another user renames it;
//   * display_name is required ("Field 'display_name' missing") and a string; first_name,
//     last_name, middle_name, twitter_account, city, country, external_authentication_uid are
//     optional strings ("Field 'F' invalid");
//   * password, when present, is a string of at least 6 characters ("Password must have at
//     least 6 characters"); on update recovery_authentication_enabled and private_key must be
//     booleans;
//   * local authentication (no external_authentication_uid in the body or the current user)
//     also requires email ("Field 'email' missing", "email must be valid") and, on create,
//     password ("Field 'password' missing") — UserOptions::local_auth_rules turns this off for
//     restores of users whose passwords are unknown;
//   * keys, API v0: a null public_key is dropped; private_key:true drops public_key; otherwise
//     public_key must be a valid key ("Public Key must be a valid key."). API v1+: as for
//     clients (create_key / public_key on create, refused on update).
// "id", "private_key" and "create_key" are not stored; "password" is kept for the caller to
// hash or drop.
#include <string_view>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/model/action.hpp"

namespace proofbox::zero::model {

struct UserOptions {
  int api_version = 1;
  // Apply the server's local-authentication requirements (email, password on create).
  bool local_auth_rules = true;
};

Json normalize_user(const Json& body, const Action& action, const UserOptions& options = {},
                    const Json* current = nullptr);

// GET /users/U: username, email ("" when unset), and the optional profile fields the user has
// (display_name, first_name, last_name, middle_name, city, country, twitter_account,
// image_file_name, recovery_authentication_enabled, external_authentication_uid); plus
// public_key in API v0 when the user has one. Never the password.
Json user_response(const Json& stored, int api_version);

// The erchef email rule (RFC 5322 dot-atom local part, dotted domain of [a-z0-9-] labels,
// case-insensitive).
bool valid_email(std::string_view email) noexcept;

}  // namespace proofbox::zero::model
