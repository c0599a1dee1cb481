#include "proofbox/zero/model/policy.hpp"

#include <string>

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"
#include "proofbox/zero/model/names.hpp"
#include "proofbox/zero/model/version.hpp"

namespace proofbox::zero::model {
namespace {

// erchef's cookbook/recipe name class, [.[:alnum:]_-]+.
bool cookbook_part(std::string_view s) noexcept {
  return valid_name(NameKind::cookbook, s);
}

// A required string field matching the 255-character policy name rule.
void require_policy_string(const Json& body, std::string_view key) {
  const Json* v = find_field(body, key);
  if (v == nullptr) throw field_missing(key);
  if (!v->is_string() || !valid_name(NameKind::policy, v->get_ref<const std::string&>())) {
    throw field_invalid(key);
  }
}

ChefError not_a_version(std::string_view field) {
  std::string m = "Field '";
  m.append(field).append("' is not a valid version");
  return ChefError(400, std::move(m));
}

// erchef validates lock versions as cookbook constraints ("1.2.3" or "= 1.2.3").
bool valid_lock_version(const Json& v) {
  return v.is_string() && valid_constraint(v.get_ref<const std::string&>());
}

void validate_lock(const Json& lock) {
  if (!lock.is_object()) throw invalid_map_value(lock, "cookbook_locks");
  require_policy_string(lock, "identifier");
  const Json* dotted = find_field(lock, "dotted_decimal_identifier");
  if (dotted != nullptr && !valid_lock_version(*dotted)) {
    throw not_a_version("dotted_decimal_identifier");
  }
  const Json* version = find_field(lock, "version");
  if (version == nullptr) throw field_missing("version");
  if (!valid_lock_version(*version)) throw not_a_version("version");
}

void validate_run_list(const Json& body) {
  const Json* run_list = find_field(body, "run_list");
  if (run_list == nullptr) throw field_missing("run_list");
  if (!run_list->is_array()) throw field_not_run_list("run_list");
  for (const Json& item : *run_list) {
    if (!item.is_string() || !valid_policy_run_list_item(item.get_ref<const std::string&>())) {
      throw field_not_run_list("run_list");
    }
  }
}

void validate_locks(const Json& body) {
  const Json* locks = find_field(body, "cookbook_locks");
  if (locks == nullptr) throw field_missing("cookbook_locks");
  if (!locks->is_object()) throw field_invalid("cookbook_locks");
  for (const auto& [cookbook, lock] : locks->items()) {
    if (!valid_name(NameKind::cookbook, cookbook)) {
      throw invalid_map_key(cookbook, "cookbook_locks");
    }
    validate_lock(lock);
  }
}

}  // namespace

bool valid_policy_run_list_item(std::string_view item) noexcept {
  constexpr std::string_view kOpen = "recipe[";
  if (item.size() <= kOpen.size() + 1 || item.substr(0, kOpen.size()) != kOpen ||
      item.back() != ']') {
    return false;
  }
  std::string_view inner = item.substr(kOpen.size(), item.size() - kOpen.size() - 1);
  const std::size_t sep = inner.find("::");
  if (sep == std::string_view::npos) return false;
  return cookbook_part(inner.substr(0, sep)) && cookbook_part(inner.substr(sep + 2));
}

void validate_policy_revision(const Json& body, std::string_view url_name) {
  require_object_body(body);
  require_policy_string(body, "revision_id");
  require_policy_string(body, "name");
  validate_run_list(body);
  validate_locks(body);
  const std::string& name = body["name"].get_ref<const std::string&>();
  if (name != url_name) throw field_mismatch("name", url_name, name);
}

Json policy_revision_for_storage(Json body) {
  if (body.is_object()) body.erase("policy_group");
  return body;
}

}  // namespace proofbox::zero::model
