#pragma once
// Policyfile revisions as the Chef server validates them (oc_erchef oc_chef_policy_revision,
// chef_json_validator:policy_run_list_spec; pedant policies/complete_endpoint_spec).
//
// A revision body must hold, checked in this order (the first failure is the answer):
//   revision_id     string [A-Za-z0-9_.:-]{1,255}       "Field 'revision_id' missing|invalid"
//   name            string [A-Za-z0-9_.:-]{1,255}       "Field 'name' missing|invalid"
//   run_list        array of "recipe[COOKBOOK::RECIPE]" "Field 'run_list' is not a valid run list"
//   cookbook_locks  object {cookbook name: lock}       "Field 'cookbook_locks' invalid",
//                                                       "Invalid key 'K' for cookbook_locks",
//                                                       "Invalid value 'V' for cookbook_locks"
// and each lock:
//   identifier                  string [A-Za-z0-9_.:-]{1,255}  "Field 'identifier' missing|invalid"
//   dotted_decimal_identifier   optional version  "Field 'dotted_decimal_identifier' is not a valid
//                                                  version"
//   version                     version            "Field 'version' missing",
//                                                  "Field 'version' is not a valid version"
// Any other key is kept as sent. The name must then equal the one in the URL
// ("Field 'name' invalid : URL_NAME does not match BODY_NAME").
#include <string_view>

#include "proofbox/zero/json.hpp"

namespace proofbox::zero::model {

// True for "recipe[COOKBOOK::RECIPE]": policies only take fully qualified recipes, no roles,
// no versions, no bare names.
bool valid_policy_run_list_item(std::string_view item) noexcept;

// Throws ChefError 400 when `body` is not a valid revision of the policy named `url_name`.
void validate_policy_revision(const Json& body, std::string_view url_name);

// What the server stores for a valid revision body: the body without "policy_group" (a client
// may send the group it is pushing to; the revision itself does not belong to one).
Json policy_revision_for_storage(Json body);

}  // namespace proofbox::zero::model
