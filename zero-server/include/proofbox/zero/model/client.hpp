#pragma once
// API clients (erchef chef_client.erl, chef_key_base.erl, chef_wm_malformed.erl; chef-zero
// data_normalizer; pedant clients spec).
//
// normalize_client validates a POST /clients or PUT /clients/C body and returns the document
// to store:
//   * when updating, "validator" defaults to the current client's value (and, in API v0, a
//     missing or null public_key keeps the current key);
//   * absent fields are filled: json_class "Chef::ApiClient", chef_type "client",
//     validator false;
//   * the name comes from "name" and/or "clientname" (both are set in the result):
//     none of them and no URL name -> 400 "Field 'name' missing"; both but different ->
//     400 "name and clientname must match"; on update with neither, the URL's name. A PUT
//     naming another client renames it (put_target_name);
//   * the name must be [A-Za-z0-9_.-]+ -> else 400 "Invalid client name 'N' using regex:
//     'Malformed client name.  Must be A-Z, a-z, 0-9, _, -, or .'.";
//   * validator must be a boolean ("Field 'validator' invalid");
//   * keys, API v0: private_key must be a boolean, public_key is not checked;
//     API v1+: public_key must be a string ("Field 'public_key' invalid"); on create
//     private_key is refused ("Please use create_key: true instead of private_key: true"),
//     create_key must be a boolean ("Field 'create_key' invalid"), public_key must be a valid
//     RSA public key PEM ("Public Key must be a valid key."), and create_key:true together
//     with public_key is refused ("You must specify either create_key or public_key, but not
//     both"); on update private_key, create_key and public_key are all refused
//     ("Since Server API v1, all keys must be updated via the keys endpoint. ").
// The result keeps name, clientname, validator, json_class, chef_type, admin (as a boolean,
// when sent), public_key / certificate (when a string was sent) and orgname (from options).
// Request directives (private_key, create_key) are not stored: read them from the body.
#include <string>
#include <string_view>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/model/action.hpp"

namespace proofbox::zero::model {

struct ClientOptions {
  // X-Ops-Server-API-Version of the request (0, 1 or 2).
  int api_version = 1;
  // The organization, stored as "orgname" when not empty.
  std::string orgname;
};

Json normalize_client(const Json& body, const Action& action, const ClientOptions& options,
                      const Json* current = nullptr);

// GET /clients/C: name, clientname, validator, orgname, json_class, chef_type — plus
// public_key in API v0 when the client has one (erchef chef_client:assemble_client_ejson).
Json client_response(const Json& stored, std::string_view orgname, int api_version);

// The validator client every org has: "<org>-validator".
std::string validator_client_name(std::string_view orgname);

}  // namespace proofbox::zero::model
