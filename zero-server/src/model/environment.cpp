#include "proofbox/zero/model/environment.hpp"

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"
#include "proofbox/zero/model/names.hpp"

namespace proofbox::zero::model {

void validate_cookbook_versions(const Json& map, std::string_view field) {
  if (!map.is_object()) throw field_not_hash(field);
  for (const auto& [cookbook, constraint] : map.items()) {
    if (!valid_name(NameKind::cookbook, cookbook)) throw invalid_map_key(cookbook, field);
    if (!constraint.is_string() ||
        !valid_constraint(constraint.get_ref<const std::string&>(), ConstraintSyntax::server)) {
      throw invalid_map_value(constraint, field);
    }
  }
}

Json normalize_environment(const Json& body) {
  require_object_body(body);
  Json env = body;
  set_default(env, "description", "");
  set_default(env, "json_class", "Chef::Environment");
  set_default(env, "chef_type", "environment");
  set_default(env, "default_attributes", Json::object());
  set_default(env, "override_attributes", Json::object());
  set_default(env, "cookbook_versions", Json::object());
  require_name_field(env, "name", NameKind::environment);
  check_optional_string(env, "description");
  check_constant(env, "json_class", "Chef::Environment");
  check_constant(env, "chef_type", "environment");
  check_attribute_map(env, "default_attributes");
  check_attribute_map(env, "override_attributes");
  validate_cookbook_versions(env["cookbook_versions"], "cookbook_versions");
  check_allowed_keys(env, {"name", "description", "json_class", "chef_type", "default_attributes",
                           "override_attributes", "cookbook_versions"});
  return env;
}

std::vector<std::pair<std::string, Constraint>> environment_constraints(const Json& environment) {
  std::vector<std::pair<std::string, Constraint>> out;
  const Json* map = find_field(environment, "cookbook_versions");
  if (map == nullptr || !map->is_object()) return out;
  out.reserve(map->size());
  for (const auto& [cookbook, text] : map->items()) {
    if (!text.is_string()) continue;
    if (auto c = parse_constraint(text.get_ref<const std::string&>(), ConstraintSyntax::server)) {
      out.emplace_back(cookbook, *c);
    }
  }
  return out;
}

bool is_default_environment(std::string_view name) noexcept {
  return name == kDefaultEnvironment;
}

Json default_environment() {
  return Json{{"name", "_default"},
              {"description", "The default Chef environment"},
              {"json_class", "Chef::Environment"},
              {"chef_type", "environment"},
              {"default_attributes", Json::object()},
              {"override_attributes", Json::object()},
              {"cookbook_versions", Json::object()}};
}

void require_modifiable_environment(std::string_view name) {
  if (is_default_environment(name)) {
    throw ChefError(405, "The '_default' environment cannot be modified.");
  }
}

}  // namespace proofbox::zero::model
