#include "proofbox/zero/model/user.hpp"

#include <string>

#include "key_fields.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"
#include "proofbox/zero/model/names.hpp"

namespace proofbox::zero::model {
namespace {

ChefError invalid_public_key() {
  return ChefError(400, "Public Key must be a valid key.");
}

void check_password(const Json& body, bool required) {
  const Json* pw = find_field(body, "password");
  if (pw == nullptr) {
    if (required) throw field_missing("password");
    return;
  }
  if (!pw->is_string() || pw->get_ref<const std::string&>().size() < 6) {
    throw ChefError(400, "Password must have at least 6 characters");
  }
}

bool has_string(const Json* v) {
  return v != nullptr && v->is_string();
}

bool is_local_char(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

bool is_label_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

bool valid_email(std::string_view email) noexcept {
  const auto at = email.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  // local: atom(.atom)*
  if (local.empty() || local.front() == '.' || local.back() == '.') return false;
  for (std::size_t i = 0; i < local.size(); ++i) {
    if (local[i] == '.') {
      if (local[i + 1] == '.') return false;
    } else if (!is_local_char(local[i])) {
      return false;
    }
  }
  // domain: (label.)+label, label = [a-z0-9]([a-z0-9-]*[a-z0-9])?
  int labels = 0;
  std::size_t start = 0;
  while (true) {
    const auto dot = domain.find('.', start);
    const std::string_view label =
        domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      if (!is_label_char(c)) return false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2;
}

Json normalize_user(const Json& body, const Action& action, const UserOptions& options,
                    const Json* current) {
  require_object_body(body);
  Json user = body;
  const bool create = action.is_create();

  if (options.api_version == 0) {
    if (const Json* pk = find_field(user, "public_key"); pk != nullptr && pk->is_null()) {
      user.erase("public_key");
    }
    const Json* private_key = find_field(user, "private_key");
    if (private_key != nullptr && private_key->is_boolean() && private_key->get<bool>()) {
      user.erase("public_key");
    } else if (const Json* pk = find_field(user, "public_key")) {
      if (!pk->is_string() || !auth::is_valid_public_key(pk->get_ref<const std::string&>())) {
        throw invalid_public_key();
      }
    }
  } else {
    validate_key_fields_v1(user, create);
  }

  // chef_user:validate_user_name — "name" wins over "username".
  std::string name;
  if (const Json* n = find_field(user, "name")) {
    if (!n->is_string() || !valid_name(NameKind::user, n->get_ref<const std::string&>())) {
      throw field_invalid("name");
    }
    name = n->get<std::string>();
  } else if (const Json* u = find_field(user, "username")) {
    if (!u->is_string() || !valid_name(NameKind::user, u->get_ref<const std::string&>())) {
      throw field_invalid("username");
    }
    name = u->get<std::string>();
  } else {
    throw field_missing("username");
  }

  const Json* display_name = find_field(user, "display_name");
  if (display_name == nullptr) throw field_missing("display_name");
  if (!display_name->is_string()) throw field_invalid("display_name");
  for (const char* key : {"first_name", "last_name", "middle_name", "twitter_account", "city",
                          "country", "external_authentication_uid"}) {
    check_optional_string(user, key);
  }
  check_password(user, false);
  if (!create) {
    check_optional_bool(user, "recovery_authentication_enabled");
    check_optional_bool(user, "private_key");
  }

  const bool external =
      has_string(find_field(user, "external_authentication_uid")) ||
      (current != nullptr && has_string(find_field(*current, "external_authentication_uid")));
  if (options.local_auth_rules && !external) {
    const Json* email = find_field(user, "email");
    if (email == nullptr) throw field_missing("email");
    if (!email->is_string() || !valid_email(email->get_ref<const std::string&>())) {
      throw ChefError(400, "email must be valid");
    }
    check_password(user, create);
  }

  user.erase("id");
  user.erase("name");
  user.erase("private_key");
  user.erase("create_key");
  user["username"] = name;
  return user;
}

Json user_response(const Json& stored, int api_version) {
  Json out = Json::object();
  const Json* username = find_field(stored, "username");
  if (username == nullptr) username = find_field(stored, "name");
  out["username"] = username != nullptr ? *username : Json("");
  const Json* email = find_field(stored, "email");
  out["email"] = has_string(email) ? *email : Json("");
  for (const char* key : {"display_name", "first_name", "last_name", "middle_name", "city",
                          "country", "twitter_account", "image_file_name",
                          "recovery_authentication_enabled", "external_authentication_uid"}) {
    if (const Json* v = find_field(stored, key); v != nullptr && !v->is_null()) out[key] = *v;
  }
  if (api_version == 0) {
    if (const Json* pk = find_field(stored, "public_key"); has_string(pk)) out["public_key"] = *pk;
  }
  return out;
}

}  // namespace proofbox::zero::model
