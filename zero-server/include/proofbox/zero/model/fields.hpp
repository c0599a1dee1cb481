#pragma once
// Field-level rules shared by the object normalisers, mirroring how erchef validates a body
// with ej specs: each check throws the message erchef's chef_wm_malformed produces for that
// kind of failure. A JSON null is a present value (erchef only fills defaults for absent keys),
// so `"run_list": null` is an invalid run list, not an empty one.
#include <initializer_list>
#include <string>
#include <string_view>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/model/names.hpp"

namespace proofbox::zero::model {

// The value of body[key], or nullptr when the key is absent.
const Json* find_field(const Json& body, std::string_view key) noexcept;

// Sets body[key] = value when the key is absent.
void set_default(Json& body, std::string_view key, Json value);

// Throws "Invalid key K in request body" for the first key (in the body's order) that is not
// in `allowed`.
void check_allowed_keys(const Json& body, std::initializer_list<std::string_view> allowed);

// body[key] must be present (else "Field 'key' missing"), a string and a valid name of `kind`
// (else require_valid_name's message). Returns the name.
const std::string& require_name_field(const Json& body, std::string_view key, NameKind kind);

// When present, body[key] must be a string that is a valid name of `kind`
// ("Field 'key' invalid").
void check_optional_name_field(const Json& body, std::string_view key, NameKind kind);

// When present, body[key] must equal `value` exactly ("Field 'key' invalid").
void check_constant(const Json& body, std::string_view key, std::string_view value);

// When present, body[key] must be a JSON object ("Field 'key' is not a hash").
void check_attribute_map(const Json& body, std::string_view key);

// When present, body[key] must be a string ("Field 'key' invalid").
void check_optional_string(const Json& body, std::string_view key);

// When present, body[key] must be true or false ("Field 'key' invalid").
void check_optional_bool(const Json& body, std::string_view key);

}  // namespace proofbox::zero::model
