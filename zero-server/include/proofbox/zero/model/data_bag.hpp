#pragma once
// Data bags and data bag items (erchef chef_data_bag.erl, chef_data_bag_item.erl,
// chef_wm_named_data.erl, chef_wm_named_data_item.erl; chef-zero data_normalizer; pedant
// data_bag specs).
//
// A data bag is only a name ([A-Za-z0-9_.:-]+). A data bag item is free JSON with an "id"
// ([A-Za-z0-9_.:-]+). The shapes on the wire:
//   stored / GET /data/B/I          the item exactly as normalised (no added fields)
//   POST /data/B, PUT /data/B/I     the item plus "chef_type":"data_bag_item" and
//                                   "data_bag":B (data_bag_item_write_response)
//   DELETE /data/B/I                {"name":"data_bag_item_B_I","json_class":"Chef::DataBagItem",
//                                    "chef_type":"data_bag_item","data_bag":B,"raw_data":item}
//                                   (wrap_data_bag_item)
//   DELETE /data/B                  {"name":B,"json_class":"Chef::DataBag","chef_type":"data_bag"}
// The same shapes in every server API version (0-2). A request body may itself be in the
// wrapped form (json_class "Chef::DataBagItem" with "raw_data"); it is unwrapped first.
#include <string_view>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/model/action.hpp"

namespace proofbox::zero::model {

// POST /data body: {"name": B, ...}. Validates the name ("Field 'name' missing" /
// "Field 'name' invalid") and returns data_bag_document(name).
Json normalize_data_bag(const Json& body);

// {"name":B,"json_class":"Chef::DataBag","chef_type":"data_bag"}
Json data_bag_document(std::string_view name);

// Validates a POST /data/B or PUT /data/B/I body and returns the item to store:
//   * a wrapped body is unwrapped;
//   * on update a body without "id" takes the URL's; another id is 400 "DataBagItem name
//     mismatch.";
//   * "id" must be present ("Field 'id' missing") and a valid id ("Field 'id' invalid").
// Any other content is kept as sent (including chef_type/data_bag keys if the client sent them).
Json normalize_data_bag_item(const Json& body, const Action& action);

// True for the wrapped Chef::DataBagItem form.
bool is_wrapped_data_bag_item(const Json& body) noexcept;
// raw_data of a wrapped item, otherwise the body itself.
Json unwrap_data_bag_item(const Json& body);

// The POST/PUT response: the item with "chef_type":"data_bag_item" and "data_bag":bag set
// (overwriting any values the item carries, as erchef does).
Json data_bag_item_write_response(const Json& item, std::string_view bag);

// The DELETE response (and Chef::DataBagItem JSON form).
Json wrap_data_bag_item(const Json& item, std::string_view bag, std::string_view id);

}  // namespace proofbox::zero::model
