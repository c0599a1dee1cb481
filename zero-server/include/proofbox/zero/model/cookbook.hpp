#pragma once
// Cookbook version documents as the Chef server accepts them on
// PUT /cookbooks/NAME/VERSION (erchef chef_cookbook_version parse_binary_json and
// chef_wm_cookbook_version; pedant cookbooks/create_spec). Validation order and messages are
// erchef's:
//   1. top-level keys: v0 allows the nine segments, v2 only "all_files" (besides name,
//      cookbook_name, version, json_class, chef_type, frozen?, metadata) —
//      "Invalid key K in request body";
//   2. "name" must be exactly "NAME-VERSION" and "cookbook_name" NAME ("Field 'name' invalid");
//   3. json_class "Chef::CookbookVersion", chef_type "cookbook_version";
//   4. metadata: "version" exactly the URL's version ("Field 'metadata.version' missing" /
//      "... invalid"), optional strings, and constraint maps (platforms, dependencies; v0 also
//      recommendations, suggestions, conflicting, replacing) with cookbook-name keys and
//      server-syntax constraints ("Invalid value 'V' for metadata.dependencies");
//   5. every segment an array of {name, path, checksum, specificity} strings
//      ("Field 'recipes' invalid", "Invalid element in array value of 'recipes'.").
// Missing json_class, chef_type and frozen? are filled in first, as erchef does.
#include <string>
#include <string_view>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/model/version.hpp"

namespace proofbox::zero::model {

// The version part of a cookbook URL; throws 400 "Invalid cookbook version 'V'." otherwise.
Version require_cookbook_url_version(std::string_view text);

// The name part of a cookbook URL on PUT; throws 400 "Invalid cookbook name 'N' using regex:
// 'Malformed cookbook name. Must only contain A-Z, a-z, 0-9, _, . or -'." otherwise.
void require_cookbook_url_name(std::string_view name);

// Checks a PUT body for NAME/VERSION (URL texts as given) in the v0 form when `all_files` is
// false, the v2 form otherwise. Returns the body with defaults filled in: what the server
// answers the PUT with.
Json normalize_cookbook_version(const Json& body, std::string_view name, std::string_view version,
                                bool all_files);

// What the store keeps of a normalized version: the v2 form without urls.
Json stored_cookbook_version(Json normalized);

// The store key of a version: always "x.y.z".
inline std::string cookbook_version_key(const Version& v) {
  return to_string(v);
}

// "frozen?" of a stored or normalized version (false when absent).
bool cookbook_frozen(const Json& cookbook) noexcept;

// metadata.dependencies of a stored version ({} when absent or not an object).
Json cookbook_dependencies(const Json& cookbook);

}  // namespace proofbox::zero::model
