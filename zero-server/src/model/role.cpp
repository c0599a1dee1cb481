#include "proofbox/zero/model/role.hpp"

#include <algorithm>

#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"
#include "proofbox/zero/model/identity.hpp"
#include "proofbox/zero/model/names.hpp"
#include "proofbox/zero/model/run_list.hpp"

namespace proofbox::zero::model {

Json normalize_role(const Json& body, const Action& action) {
  require_object_body(body);
  Json role = body;
  set_default(role, "description", "");
  set_default(role, "json_class", "Chef::Role");
  set_default(role, "chef_type", "role");
  set_default(role, "default_attributes", Json::object());
  set_default(role, "override_attributes", Json::object());
  set_default(role, "run_list", Json::array());
  set_default(role, "env_run_lists", Json::object());
  if (action.is_update()) {
    put_target_name(ObjectType::role, role, action.url_name);
    role["name"] = action.url_name;
  }
  check_allowed_keys(role, {"name", "description", "json_class", "chef_type", "default_attributes",
                            "override_attributes", "run_list", "env_run_lists"});
  require_name_field(role, "name", NameKind::role);
  check_constant(role, "json_class", "Chef::Role");
  check_constant(role, "chef_type", "role");
  check_attribute_map(role, "default_attributes");
  check_attribute_map(role, "override_attributes");
  role["run_list"] = normalize_run_list(role["run_list"], "run_list");
  role["env_run_lists"] = normalize_env_run_lists(role["env_run_lists"], "env_run_lists");
  return role;
}

Json run_list_for(const Json& role, std::string_view env) {
  if (const Json* env_lists = find_field(role, "env_run_lists");
      env_lists != nullptr && env_lists->is_object()) {
    if (const Json* list = find_field(*env_lists, env); list != nullptr && list->is_array()) {
      return *list;
    }
  }
  if (const Json* list = find_field(role, "run_list"); list != nullptr && list->is_array()) {
    return *list;
  }
  return Json::array();
}

Json role_environment_run_list(const Json& role, std::string_view env) {
  if (env == "_default") {
    const Json* list = find_field(role, "run_list");
    return list != nullptr ? *list : Json(nullptr);
  }
  if (const Json* env_lists = find_field(role, "env_run_lists");
      env_lists != nullptr && env_lists->is_object()) {
    if (const Json* list = find_field(*env_lists, env)) return *list;
  }
  return nullptr;
}

std::vector<std::string> role_environments(const Json& role) {
  std::vector<std::string> envs{"_default"};
  if (const Json* env_lists = find_field(role, "env_run_lists");
      env_lists != nullptr && env_lists->is_object()) {
    for (const auto& [env, list] : env_lists->items()) envs.push_back(env);
  }
  std::sort(envs.begin(), envs.end());
  envs.erase(std::unique(envs.begin(), envs.end()), envs.end());
  return envs;
}

}  // namespace proofbox::zero::model
