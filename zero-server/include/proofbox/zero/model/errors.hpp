#pragma once
// The 400-class messages the Chef server (oc_erchef's chef_wm_malformed) answers when a
// request body fails validation. Every normaliser in the model throws through these so the
// wording is identical everywhere; the HTTP layer turns a ChefError into {"error": [msg]}.
#include <string_view>

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::zero::model {

// "Field 'F' missing"
ChefError field_missing(std::string_view field);
// "Field 'F' invalid" (wrong type, failed regex, wrong constant such as json_class)
ChefError field_invalid(std::string_view field);
// "Field 'F' is not a hash" (attribute maps, cookbook_versions)
ChefError field_not_hash(std::string_view field);
// "Field 'F' is not a valid run list"
ChefError field_not_run_list(std::string_view field);
// "Field 'F' contains invalid run lists" (env_run_lists)
ChefError field_invalid_run_lists(std::string_view field);
// "Invalid key K in request body" (a top-level key the object does not allow)
ChefError invalid_body_key(std::string_view key);
// "Invalid key 'K' for F" (a key of a map-valued field failed its rule)
ChefError invalid_map_key(std::string_view key, std::string_view field);
// "Invalid value 'V' for F" (a value of a map-valued field failed its rule); strings are shown
// raw, anything else as its JSON text (null -> null, 1 -> 1).
ChefError invalid_map_value(const Json& value, std::string_view field);
// "<Type> name mismatch." — PUT whose body names another object where the server refuses
// renames (Type is "Node", "Role", "DataBagItem").
ChefError name_mismatch(std::string_view type);
// "Field 'F' invalid : URL_VALUE does not match BODY_VALUE" — a body field that must equal the
// value its URL names (policy names, cookbook artifact names and identifiers).
ChefError field_mismatch(std::string_view field, std::string_view url_value,
                         std::string_view body_value);
// "Incorrect JSON type for request body" — the body is valid JSON but not an object.
ChefError incorrect_body_type();

// Throws incorrect_body_type() unless `body` is a JSON object.
void require_object_body(const Json& body);

}  // namespace proofbox::zero::model
