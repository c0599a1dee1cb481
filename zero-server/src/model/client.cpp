#include "proofbox/zero/model/client.hpp"

#include "key_fields.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"
#include "proofbox/zero/model/identity.hpp"
#include "proofbox/zero/model/names.hpp"

namespace proofbox::zero::model {
namespace {

bool present_not_null(const Json& body, std::string_view key) {
  const Json* v = find_field(body, key);
  return v != nullptr && !v->is_null();
}

// Ruby truthiness: everything but false and null is true.
bool truthy(const Json& v) {
  return !(v.is_null() || (v.is_boolean() && !v.get<bool>()));
}

}  // namespace

std::string validator_client_name(std::string_view orgname) {
  std::string n(orgname);
  n.append("-validator");
  return n;
}

Json normalize_client(const Json& body, const Action& action, const ClientOptions& options,
                      const Json* current) {
  require_object_body(body);
  Json client = body;
  const bool v0 = options.api_version == 0;

  if (current != nullptr && current->is_object()) {
    if (const Json* validator = find_field(*current, "validator")) {
      set_default(client, "validator", *validator);
    }
    if (v0 && !present_not_null(client, "public_key") && !present_not_null(client, "certificate")) {
      if (const Json* key = find_field(*current, "public_key");
          key != nullptr && key->is_string()) {
        client["public_key"] = *key;
      }
    }
  }
  set_default(client, "json_class", "Chef::ApiClient");
  set_default(client, "chef_type", "client");
  set_default(client, "validator", false);
  client.erase("id");

  // chef_client:destination_name
  std::string name;
  const Json* n = find_field(client, "name");
  const Json* cn = find_field(client, "clientname");
  if (n == nullptr && cn == nullptr) {
    if (!action.is_update()) throw field_missing("name");
    name = action.url_name;
  } else if (n != nullptr && cn != nullptr) {
    if (*n != *cn) throw ChefError(400, "name and clientname must match");
    if (!n->is_string()) throw field_invalid("name");
    name = n->get<std::string>();
  } else {
    const Json* only = n != nullptr ? n : cn;
    if (!only->is_string()) throw field_invalid(n != nullptr ? "name" : "clientname");
    name = only->get<std::string>();
  }
  require_valid_name(NameKind::client, name, "name");

  check_optional_bool(client, "validator");
  if (v0) {
    check_optional_bool(client, "private_key");
  } else {
    check_optional_string(client, "public_key");
    validate_key_fields_v1(client, action.is_create());
  }

  Json out = Json::object();
  out["name"] = name;
  out["clientname"] = name;
  out["validator"] = client["validator"];
  out["json_class"] = client["json_class"];
  out["chef_type"] = client["chef_type"];
  if (const Json* admin = find_field(client, "admin")) out["admin"] = truthy(*admin);
  for (const char* key : {"public_key", "certificate"}) {
    if (const Json* v = find_field(client, key); v != nullptr && v->is_string()) out[key] = *v;
  }
  if (!options.orgname.empty()) out["orgname"] = options.orgname;
  return out;
}

Json client_response(const Json& stored, std::string_view orgname, int api_version) {
  auto get_string = [&](std::string_view key) -> std::string {
    const Json* v = find_field(stored, key);
    return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
  };
  std::string name = get_string("name");
  if (name.empty()) name = get_string("clientname");
  const Json* validator = find_field(stored, "validator");
  Json out =
      Json{{"name", name},
           {"clientname", name},
           {"validator", validator != nullptr && validator->is_boolean() && validator->get<bool>()},
           {"orgname", std::string(orgname)},
           {"json_class", "Chef::ApiClient"},
           {"chef_type", "client"}};
  if (api_version == 0) {
    if (const Json* key = find_field(stored, "public_key"); key != nullptr && key->is_string()) {
      out["public_key"] = *key;
    }
  }
  return out;
}

}  // namespace proofbox::zero::model
