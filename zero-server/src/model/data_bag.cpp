#include "proofbox/zero/model/data_bag.hpp"

#include <string>

#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"
#include "proofbox/zero/model/identity.hpp"
#include "proofbox/zero/model/names.hpp"

namespace proofbox::zero::model {

Json data_bag_document(std::string_view name) {
  return Json{
      {"name", std::string(name)}, {"json_class", "Chef::DataBag"}, {"chef_type", "data_bag"}};
}

Json normalize_data_bag(const Json& body) {
  require_object_body(body);
  return data_bag_document(require_name_field(body, "name", NameKind::data_bag));
}

bool is_wrapped_data_bag_item(const Json& body) noexcept {
  if (!body.is_object()) return false;
  const Json* raw = find_field(body, "raw_data");
  const Json* cls = find_field(body, "json_class");
  return raw != nullptr && !raw->is_null() && cls != nullptr && cls->is_string() &&
         cls->get_ref<const std::string&>() == "Chef::DataBagItem";
}

Json unwrap_data_bag_item(const Json& body) {
  return is_wrapped_data_bag_item(body) ? body["raw_data"] : body;
}

Json normalize_data_bag_item(const Json& body, const Action& action) {
  require_object_body(body);
  Json item = unwrap_data_bag_item(body);
  require_object_body(item);
  if (action.is_update()) {
    put_target_name(ObjectType::data_bag_item, item, action.url_name);
    item["id"] = action.url_name;
  }
  require_name_field(item, "id", NameKind::data_bag_item);
  return item;
}

Json data_bag_item_write_response(const Json& item, std::string_view bag) {
  Json out = item;
  out["chef_type"] = "data_bag_item";
  out["data_bag"] = std::string(bag);
  return out;
}

Json wrap_data_bag_item(const Json& item, std::string_view bag, std::string_view id) {
  std::string name = "data_bag_item_";
  name.append(bag).append("_").append(id);
  return Json{{"name", std::move(name)},
              {"json_class", "Chef::DataBagItem"},
              {"chef_type", "data_bag_item"},
              {"data_bag", std::string(bag)},
              {"raw_data", item}};
}

}  // namespace proofbox::zero::model
