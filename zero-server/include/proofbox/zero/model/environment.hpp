#pragma once
// Environments (erchef chef_environment.erl, chef_wm_named_environment.erl, chef-zero
// default_creator / data_normalizer, pedant environments specs).
//
// normalize_environment validates a POST or PUT body (the body always names the environment;
// a PUT naming another one renames it) and returns the document to store:
//   * absent fields are filled: description "", json_class "Chef::Environment",
//     chef_type "environment", default_attributes {}, override_attributes {},
//     cookbook_versions {};
//   * in this order: name (required; [A-Za-z0-9_.-]+, no ':'), description (string),
//     json_class, chef_type, the attribute maps ("is not a hash"), cookbook_versions
//     (validate_cookbook_versions); then the allowed keys (name, description, json_class,
//     chef_type, default_attributes, override_attributes, cookbook_versions; else
//     "Invalid key K in request body").
// Every org has the "_default" environment, which can be read but not changed or deleted:
// PUT/DELETE answer 405 "The '_default' environment cannot be modified.".
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/model/version.hpp"

namespace proofbox::zero::model {

Json normalize_environment(const Json& body);

// A cookbook -> version constraint map (environment cookbook_versions, cookbook metadata
// dependencies): an object (else "Field 'F' is not a hash") whose keys are cookbook names
// (else "Invalid key 'K' for F") and whose values are constraint strings in the server syntax
// (else "Invalid value 'V' for F").
void validate_cookbook_versions(const Json& map, std::string_view field = "cookbook_versions");

// The parsed cookbook_versions of a (normalised) environment, in key order.
std::vector<std::pair<std::string, Constraint>> environment_constraints(const Json& environment);

inline constexpr std::string_view kDefaultEnvironment = "_default";

bool is_default_environment(std::string_view name) noexcept;

// The "_default" environment as GET returns it.
Json default_environment();

// Throws ChefError 405 "The '_default' environment cannot be modified." for "_default".
void require_modifiable_environment(std::string_view name);

}  // namespace proofbox::zero::model
