#include "proofbox/zero/model/sandbox.hpp"

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/checksum.hpp"
#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"

namespace proofbox::zero::model {

std::vector<std::string> sandbox_request_checksums(const Json& body) {
  require_object_body(body);
  const Json* map = find_field(body, "checksums");
  if (map == nullptr) throw field_missing("checksums");
  if (!map->is_object() || map->empty()) throw field_invalid("checksums");
  std::vector<std::string> out;
  out.reserve(map->size());
  for (const auto& [checksum, value] : map->items()) {
    if (!value.is_null() || !valid_checksum(lower_checksum(checksum))) {
      throw field_invalid("checksums");
    }
    out.push_back(checksum);
  }
  return out;
}

Json new_sandbox(const std::vector<std::string>& checksums, std::string create_time) {
  return Json{{"checksums", checksums}, {"create_time", std::move(create_time)}};
}

std::vector<std::string> sandbox_checksums(const Json& sandbox) {
  std::vector<std::string> out;
  const Json* list = find_field(sandbox, "checksums");
  if (list == nullptr || !list->is_array()) return out;
  for (const Json& c : *list) {
    if (c.is_string()) out.push_back(c.get<std::string>());
  }
  return out;
}

void require_sandbox_commit(const Json& body) {
  const Json* done = find_field(body, "is_completed");
  if (done == nullptr || !done->is_boolean() || !done->get<bool>()) {
    throw ChefError(400, "JSON body must contain key '\"complete\"' with value 'true'.");
  }
}

std::string sandbox_missing_files_message(std::string_view id,
                                          const std::vector<std::string>& missing) {
  std::string m = "Cannot update sandbox " + std::string(id) +
                  ": the following checksums have not been uploaded: ";
  for (std::size_t i = 0; i < missing.size(); ++i) {
    if (i > 0) m += ", ";
    m += missing[i];
  }
  return m;
}

Json committed_sandbox(std::string_view id, const Json& sandbox) {
  const Json* time = find_field(sandbox, "create_time");
  return Json{{"guid", id},
              {"name", id},
              {"checksums", sandbox_checksums(sandbox)},
              {"create_time", time != nullptr ? *time : Json("")},
              {"is_completed", true}};
}

}  // namespace proofbox::zero::model
