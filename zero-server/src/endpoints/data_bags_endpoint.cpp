// /data, /data/BAG and /data/BAG/ITEM (erchef chef_wm_data, chef_wm_named_data,
// chef_wm_named_data_item; chef-zero data_bags/data_bag/data_bag_item endpoints; pedant
// data_bag spec). Bags live in the org's "data" collection as {"name","json_class",
// "chef_type"}; the items of bag B in the collection "data/B", stored as sent (unwrapped).
// Items are never renamed: a PUT with another id is 400 "DataBagItem name mismatch." (model).
#include <memory>

#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/api/object_responses.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/data_bag.hpp"

namespace proofbox::zero::api {
namespace {

std::string items_kind(std::string_view bag) {
  return "data/" + std::string(bag);
}

std::string bag_not_found(std::string_view bag) {
  return "Cannot load data bag " + std::string(bag);
}

// GET and PUT of a missing item (or of an item of a missing bag).
std::string item_not_found(std::string_view bag, std::string_view id) {
  return "Cannot load data bag item " + std::string(id) + " for data bag " + std::string(bag);
}

// DELETE of a missing item: the server words this one differently.
std::string item_not_found_on_delete(std::string_view bag, std::string_view id) {
  return "Cannot load data bag " + std::string(bag) + " item " + std::string(id);
}

std::string no_bag_for_item(std::string_view bag) {
  return "No data bag '" + std::string(bag) +
         "' could be found. Please create this data bag before adding items to it.";
}

std::string item_exists(std::string_view bag, std::string_view id) {
  return "Data Bag Item '" + std::string(id) + "' already exists in Data Bag '" + std::string(bag) +
         "'.";
}

constexpr std::string_view kBagExists = "Data bag already exists";

// The items collection of `bag`, or null when the bag has never held an item.
std::shared_ptr<store::Collection> items_of(const Context& ctx, std::string_view bag) {
  return ctx.org->find(items_kind(bag));
}

http::Response create_item(Context& ctx) {
  const std::string& bag = ctx.param(0);
  Json item = model::normalize_data_bag_item(parse_body(ctx), model::Action::create());
  const std::string id = item["id"];
  store::Collection& bags = ctx.org->data_bags();
  if (!bags.contains(bag)) throw not_found(no_bag_for_item(bag));
  store::Collection& items = *ctx.org->collection(items_kind(bag));
  create_named(items, id, item, item_exists(bag, id));
  // A DELETE of the bag may have run meanwhile: do not leave the item behind it.
  if (!bags.contains(bag)) {
    items.erase(id);
    throw not_found(no_bag_for_item(bag));
  }
  return http::Response::json(201, model::data_bag_item_write_response(item, bag));
}

http::Response update_item(Context& ctx) {
  const std::string& bag = ctx.param(0);
  const std::string& id = ctx.param(1);
  Json item = model::normalize_data_bag_item(parse_body(ctx), model::Action::update(id));
  auto items = items_of(ctx, bag);
  if (!items) throw not_found(item_not_found(bag, id));
  update_named(*items, id, id, item, item_not_found(bag, id), item_exists(bag, id));
  return http::Response::json(200, model::data_bag_item_write_response(item, bag));
}

}  // namespace

void register_data_bag_endpoints(Router& router) {
  router.add(Scope::kOrg, "data", "GET", [](Context& ctx) {
    return list_response(ctx.org->data_bags(), [&](std::string_view n) {
      return ctx.org_url({"data", n});
    });
  });
  router.add(Scope::kOrg, "data", "POST", [](Context& ctx) {
    Json bag = model::normalize_data_bag(parse_body(ctx));
    const std::string name = bag["name"];
    create_named(ctx.org->data_bags(), name, bag, kBagExists);
    return created(ctx.org_url({"data", name}));
  });

  router.add(Scope::kOrg, "data/:bag", "GET", [](Context& ctx) {
    const std::string& bag = ctx.param(0);
    if (!ctx.org->data_bags().contains(bag)) throw not_found(bag_not_found(bag));
    auto items = items_of(ctx, bag);
    if (!items) return http::Response::json(200, Json::object());
    return list_response(*items, [&](std::string_view id) {
      return ctx.org_url({"data", bag, id});
    });
  });
  router.add(Scope::kOrg, "data/:bag", "POST", create_item);
  // Deletes the bag and every item in it; answers with the bag.
  router.add(Scope::kOrg, "data/:bag", "DELETE", [](Context& ctx) {
    const std::string& bag = ctx.param(0);
    Json deleted = erase_named(ctx.org->data_bags(), bag, bag_not_found(bag));
    ctx.org->drop(items_kind(bag));
    return http::Response::json(200, deleted);
  });

  router.add(Scope::kOrg, "data/:bag/:item", "GET", [](Context& ctx) {
    const std::string& bag = ctx.param(0);
    const std::string& id = ctx.param(1);
    auto items = items_of(ctx, bag);
    if (!items) throw not_found(item_not_found(bag, id));
    return get_named(*items, id, item_not_found(bag, id));
  });
  router.add(Scope::kOrg, "data/:bag/:item", "PUT", update_item);
  // Answers with the item wrapped as a Chef::DataBagItem.
  router.add(Scope::kOrg, "data/:bag/:item", "DELETE", [](Context& ctx) {
    const std::string& bag = ctx.param(0);
    const std::string& id = ctx.param(1);
    auto items = items_of(ctx, bag);
    if (!items) throw not_found(item_not_found_on_delete(bag, id));
    Json item = erase_named(*items, id, item_not_found_on_delete(bag, id));
    return http::Response::json(200, model::wrap_data_bag_item(item, bag, id));
  });
}

}  // namespace proofbox::zero::api
