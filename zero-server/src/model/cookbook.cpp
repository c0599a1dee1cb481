#include "proofbox/zero/model/cookbook.hpp"

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/cookbook_manifest.hpp"
#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"
#include "proofbox/zero/model/names.hpp"

namespace proofbox::zero::model {
namespace {

// The exact-match rule of erchef's ej specs: missing -> "missing", different -> "invalid".
void require_exact(const Json& body, std::string_view key, std::string_view field,
                   std::string_view value) {
  const Json* v = find_field(body, key);
  if (v == nullptr) throw field_missing(field);
  if (!v->is_string() || v->get_ref<const std::string&>() != value) throw field_invalid(field);
}

void check_optional_exact(const Json& body, std::string_view key, std::string_view field,
                          std::string_view value) {
  if (find_field(body, key) != nullptr) require_exact(body, key, field, value);
}

// A map of cookbook (or platform) name -> version constraint (erchef constraint_map_spec).
void check_constraint_map(const Json& metadata, std::string_view key) {
  const Json* map = find_field(metadata, key);
  if (map == nullptr) return;
  const std::string field = "metadata." + std::string(key);
  if (!map->is_object()) throw field_invalid(field);
  for (const auto& [name, constraint] : map->items()) {
    if (!valid_name(NameKind::cookbook, name)) throw invalid_map_key(name, field);
    if (!constraint.is_string() ||
        !valid_constraint(constraint.get_ref<const std::string&>(), ConstraintSyntax::server)) {
      throw invalid_map_value(constraint, field);
    }
  }
}

void check_metadata(const Json& body, std::string_view version, bool all_files) {
  const Json* metadata = find_field(body, "metadata");
  if (metadata == nullptr) throw field_missing("metadata");
  if (!metadata->is_object()) throw field_invalid("metadata");
  require_exact(*metadata, "version", "metadata.version", version);
  if (const Json* name = find_field(*metadata, "name"); name != nullptr) {
    if (!name->is_string() ||
        !valid_name(NameKind::cookbook, name->get_ref<const std::string&>())) {
      throw field_invalid("metadata.name");
    }
  }
  for (std::string_view key :
       {"description", "long_description", "maintainer", "maintainer_email", "license"}) {
    const Json* v = find_field(*metadata, key);
    if (v != nullptr && !v->is_string()) throw field_invalid("metadata." + std::string(key));
  }
  check_constraint_map(*metadata, "platforms");
  check_constraint_map(*metadata, "dependencies");
  if (all_files) return;
  for (std::string_view key : {"recommendations", "suggestions", "conflicting", "replacing"}) {
    check_constraint_map(*metadata, key);
  }
  const Json* groupings = find_field(*metadata, "groupings");
  if (groupings != nullptr && !groupings->is_object()) throw field_invalid("metadata.groupings");
}

// One file list: an array of objects whose four fields are strings.
void check_file_list(const Json& body, std::string_view key) {
  const Json* files = find_field(body, key);
  if (files == nullptr) return;
  if (!files->is_array()) throw field_invalid(key);
  for (const Json& file : *files) {
    bool ok = file.is_object();
    for (std::string_view field : {"name", "path", "checksum", "specificity"}) {
      if (!ok) break;
      const Json* v = find_field(file, field);
      ok = v != nullptr && v->is_string();
    }
    if (!ok) {
      throw ChefError(400, "Invalid element in array value of '" + std::string(key) + "'.");
    }
  }
}

}  // namespace

Version require_cookbook_url_version(std::string_view text) {
  if (auto v = parse_version(text)) return *v;
  throw ChefError(400, "Invalid cookbook version '" + std::string(text) + "'.");
}

void require_cookbook_url_name(std::string_view name) {
  if (valid_name(NameKind::cookbook, name)) return;
  throw ChefError(400, "Invalid cookbook name '" + std::string(name) + "' using regex: '" +
                           std::string(name_rule_message(NameKind::cookbook)) + "'.");
}

Json normalize_cookbook_version(const Json& body, std::string_view name, std::string_view version,
                                bool all_files) {
  require_object_body(body);
  Json cookbook = body;
  set_default(cookbook, "json_class", "Chef::CookbookVersion");
  set_default(cookbook, "chef_type", "cookbook_version");
  set_default(cookbook, "frozen?", false);
  if (all_files) {
    check_allowed_keys(cookbook, {"all_files", "chef_type", "cookbook_name", "frozen?",
                                  "json_class", "metadata", "name", "version"});
  } else {
    check_allowed_keys(
        cookbook, {"attributes", "chef_type", "cookbook_name", "definitions", "files", "frozen?",
                   "json_class", "libraries", "metadata", "name", "providers", "recipes",
                   "resources", "root_files", "templates", "version"});
  }
  const std::string full_name = std::string(name) + "-" + std::string(version);
  require_exact(cookbook, "name", "name", full_name);
  require_exact(cookbook, "cookbook_name", "cookbook_name", name);
  require_exact(cookbook, "json_class", "json_class", "Chef::CookbookVersion");
  require_exact(cookbook, "chef_type", "chef_type", "cookbook_version");
  check_metadata(cookbook, version, all_files);
  if (all_files) {
    check_file_list(cookbook, "all_files");
  } else {
    for (std::string_view segment : kCookbookSegments) check_file_list(cookbook, segment);
  }
  check_optional_exact(cookbook, "version", "version", version);
  // Not in erchef's spec (a non-boolean there fails later with a 500); refused plainly here.
  check_optional_bool(cookbook, "frozen?");
  return cookbook;
}

Json stored_cookbook_version(Json normalized) {
  Json stored = segments_to_all_files(std::move(normalized));
  strip_file_urls(stored);
  return stored;
}

bool cookbook_frozen(const Json& cookbook) noexcept {
  const Json* frozen = find_field(cookbook, "frozen?");
  return frozen != nullptr && frozen->is_boolean() && frozen->get<bool>();
}

Json cookbook_dependencies(const Json& cookbook) {
  const Json* metadata = find_field(cookbook, "metadata");
  if (metadata == nullptr) return Json::object();
  const Json* deps = find_field(*metadata, "dependencies");
  return deps != nullptr && deps->is_object() ? *deps : Json::object();
}

}  // namespace proofbox::zero::model
