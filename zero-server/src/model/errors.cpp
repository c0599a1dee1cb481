#include "proofbox/zero/model/errors.hpp"

#include <string>

namespace proofbox::zero::model {
namespace {

ChefError bad(std::string message) {
  return ChefError(400, std::move(message));
}

std::string quoted_field(std::string_view prefix, std::string_view field, std::string_view suffix) {
  std::string m;
  m.reserve(prefix.size() + field.size() + suffix.size());
  m.append(prefix).append(field).append(suffix);
  return m;
}

}  // namespace

ChefError field_missing(std::string_view field) {
  return bad(quoted_field("Field '", field, "' missing"));
}

ChefError field_invalid(std::string_view field) {
  return bad(quoted_field("Field '", field, "' invalid"));
}

ChefError field_not_hash(std::string_view field) {
  return bad(quoted_field("Field '", field, "' is not a hash"));
}

ChefError field_not_run_list(std::string_view field) {
  return bad(quoted_field("Field '", field, "' is not a valid run list"));
}

ChefError field_invalid_run_lists(std::string_view field) {
  return bad(quoted_field("Field '", field, "' contains invalid run lists"));
}

ChefError invalid_body_key(std::string_view key) {
  return bad(quoted_field("Invalid key ", key, " in request body"));
}

ChefError invalid_map_key(std::string_view key, std::string_view field) {
  std::string m = quoted_field("Invalid key '", key, "' for ");
  m.append(field);
  return bad(std::move(m));
}

ChefError invalid_map_value(const Json& value, std::string_view field) {
  std::string shown = value.is_string() ? value.get<std::string>() : value.dump();
  std::string m = quoted_field("Invalid value '", shown, "' for ");
  m.append(field);
  return bad(std::move(m));
}

ChefError name_mismatch(std::string_view type) {
  std::string m(type);
  m.append(" name mismatch.");
  return bad(std::move(m));
}

ChefError field_mismatch(std::string_view field, std::string_view url_value,
                         std::string_view body_value) {
  std::string m = quoted_field("Field '", field, "' invalid : ");
  m.append(url_value).append(" does not match ").append(body_value);
  return bad(std::move(m));
}

ChefError incorrect_body_type() {
  return bad("Incorrect JSON type for request body");
}

void require_object_body(const Json& body) {
  if (!body.is_object()) throw incorrect_body_type();
}

}  // namespace proofbox::zero::model
