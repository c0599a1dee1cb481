#include "proofbox/zero/model/fields.hpp"

#include "key_fields.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/errors.hpp"

namespace proofbox::zero::model {

const Json* find_field(const Json& body, std::string_view key) noexcept {
  if (!body.is_object()) return nullptr;
  auto it = body.find(key);
  return it == body.end() ? nullptr : &*it;
}

void set_default(Json& body, std::string_view key, Json value) {
  if (find_field(body, key) == nullptr) body[std::string(key)] = std::move(value);
}

void check_allowed_keys(const Json& body, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : body.items()) {
    bool ok = false;
    for (std::string_view a : allowed) {
      if (a == key) {
        ok = true;
        break;
      }
    }
    if (!ok) throw invalid_body_key(key);
  }
}

const std::string& require_name_field(const Json& body, std::string_view key, NameKind kind) {
  const Json* v = find_field(body, key);
  if (v == nullptr) throw field_missing(key);
  if (!v->is_string()) throw field_invalid(key);
  const std::string& name = v->get_ref<const std::string&>();
  require_valid_name(kind, name, key);
  return name;
}

void check_optional_name_field(const Json& body, std::string_view key, NameKind kind) {
  const Json* v = find_field(body, key);
  if (v == nullptr) return;
  if (!v->is_string() || !valid_name(kind, v->get_ref<const std::string&>())) {
    throw field_invalid(key);
  }
}

void check_constant(const Json& body, std::string_view key, std::string_view value) {
  const Json* v = find_field(body, key);
  if (v == nullptr) return;
  if (!v->is_string() || v->get_ref<const std::string&>() != value) throw field_invalid(key);
}

void check_attribute_map(const Json& body, std::string_view key) {
  const Json* v = find_field(body, key);
  if (v != nullptr && !v->is_object()) throw field_not_hash(key);
}

void check_optional_string(const Json& body, std::string_view key) {
  const Json* v = find_field(body, key);
  if (v != nullptr && !v->is_string()) throw field_invalid(key);
}

void check_optional_bool(const Json& body, std::string_view key) {
  const Json* v = find_field(body, key);
  if (v != nullptr && !v->is_boolean()) throw field_invalid(key);
}

void validate_key_fields_v1(const Json& body, bool create) {
  if (find_field(body, "private_key") != nullptr) {
    throw ChefError(400, "Please use create_key: true instead of private_key: true");
  }
  if (!create) {
    if (find_field(body, "create_key") != nullptr || find_field(body, "public_key") != nullptr) {
      throw ChefError(400, "Since Server API v1, all keys must be updated via the keys endpoint. ");
    }
    return;
  }
  check_optional_bool(body, "create_key");
  const Json* pk = find_field(body, "public_key");
  if (pk != nullptr &&
      !(pk->is_string() && auth::is_valid_public_key(pk->get_ref<const std::string&>()))) {
    throw ChefError(400, "Public Key must be a valid key.");
  }
  const Json* create_key = find_field(body, "create_key");
  if (pk != nullptr && create_key != nullptr && create_key->get<bool>()) {
    throw ChefError(400, "You must specify either create_key or public_key, but not both");
  }
}

}  // namespace proofbox::zero::model
