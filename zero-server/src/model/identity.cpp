#include "proofbox/zero/model/identity.hpp"

#include <array>

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"

namespace proofbox::zero::model {
namespace {

constexpr std::array<std::string_view, 1> kName{"name"};
constexpr std::array<std::string_view, 1> kId{"id"};
constexpr std::array<std::string_view, 2> kClient{"name", "clientname"};
constexpr std::array<std::string_view, 2> kUser{"name", "username"};

const std::string* string_field(const Json& body, std::string_view key) {
  const Json* v = find_field(body, key);
  return v != nullptr && v->is_string() ? &v->get_ref<const std::string&>() : nullptr;
}

}  // namespace

std::span<const std::string_view> identity_keys(ObjectType type) noexcept {
  switch (type) {
    case ObjectType::client:
      return kClient;
    case ObjectType::user:
      return kUser;
    case ObjectType::data_bag_item:
      return kId;
    default:
      return kName;
  }
}

std::string_view type_label(ObjectType type) noexcept {
  switch (type) {
    case ObjectType::node:
      return "Node";
    case ObjectType::role:
      return "Role";
    case ObjectType::environment:
      return "Environment";
    case ObjectType::client:
      return "Client";
    case ObjectType::user:
      return "User";
    case ObjectType::data_bag:
      return "DataBag";
    case ObjectType::data_bag_item:
      return "DataBagItem";
  }
  return {};
}

bool put_renames(ObjectType type) noexcept {
  return type == ObjectType::environment || type == ObjectType::client || type == ObjectType::user;
}

std::optional<std::string> name_from_body(ObjectType type, const Json& body) {
  if (!body.is_object()) return std::nullopt;
  if (type == ObjectType::client) {
    const std::string* name = string_field(body, "name");
    const std::string* clientname = string_field(body, "clientname");
    if (name != nullptr && clientname != nullptr && *name != *clientname) {
      throw ChefError(400, "name and clientname must match");
    }
  }
  for (std::string_view key : identity_keys(type)) {
    if (const std::string* s = string_field(body, key)) return *s;
  }
  return std::nullopt;
}

std::string require_name_from_body(ObjectType type, const Json& body) {
  if (auto name = name_from_body(type, body)) return *name;
  throw field_missing(type == ObjectType::user ? std::string_view("username")
                                               : identity_keys(type).front());
}

std::string put_target_name(ObjectType type, const Json& body, std::string_view url_name) {
  if (!put_renames(type)) {
    const Json* v = find_field(body, identity_keys(type).front());
    if (v != nullptr && !(v->is_string() && v->get_ref<const std::string&>() == url_name)) {
      throw name_mismatch(type_label(type));
    }
    return std::string(url_name);
  }
  if (auto name = name_from_body(type, body)) return *name;
  return std::string(url_name);
}

}  // namespace proofbox::zero::model
