#include "proofbox/zero/model/node.hpp"

#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"
#include "proofbox/zero/model/identity.hpp"
#include "proofbox/zero/model/names.hpp"
#include "proofbox/zero/model/run_list.hpp"

namespace proofbox::zero::model {
namespace {

void fill_node_defaults(Json& node) {
  set_default(node, "chef_environment", "_default");
  set_default(node, "json_class", "Chef::Node");
  set_default(node, "chef_type", "node");
  set_default(node, "normal", Json::object());
  set_default(node, "default", Json::object());
  set_default(node, "override", Json::object());
  set_default(node, "automatic", Json::object());
  set_default(node, "run_list", Json::array());
}

}  // namespace

Json normalize_node(Json body, const Action& action) {
  require_object_body(body);
  Json node = std::move(body);  // callers hand over a parsed body; no deep copy
  fill_node_defaults(node);
  if (action.is_update()) {
    put_target_name(ObjectType::node, node, action.url_name);
    node["name"] = action.url_name;
  }
  check_allowed_keys(
      node, {"name", "chef_environment", "json_class", "chef_type", "normal", "default", "override",
             "automatic", "run_list", "policy_name", "policy_group"});
  require_name_field(node, "name", NameKind::node);
  check_optional_name_field(node, "chef_environment", NameKind::environment);
  check_constant(node, "json_class", "Chef::Node");
  check_constant(node, "chef_type", "node");
  for (const char* attrs : {"normal", "default", "override", "automatic"}) {
    check_attribute_map(node, attrs);
  }
  node["run_list"] = normalize_run_list(node["run_list"], "run_list");
  check_optional_name_field(node, "policy_name", NameKind::policy);
  check_optional_name_field(node, "policy_group", NameKind::policy_group);
  return node;
}

Json new_node(std::string_view name) {
  Json node = Json::object();
  node["name"] = std::string(name);
  fill_node_defaults(node);
  return node;
}

}  // namespace proofbox::zero::model
