#include "proofbox/zero/model/data_bag.hpp"

#include <gtest/gtest.h>

#include "model_test_support.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;

TEST(DataBag, Normalize) {
  EXPECT_EQ(normalize_data_bag(Json{{"name", "users"}}),
            Json::parse(R"({"name": "users", "json_class": "Chef::DataBag",
                            "chef_type": "data_bag"})"));
  EXPECT_EQ(normalize_data_bag(Json{{"name", "a:b.c"}, {"json_class", "Chef::DataBag"}})["name"],
            "a:b.c");
  EXPECT_EQ(data_bag_document("x"), normalize_data_bag(Json{{"name", "x"}}));
  expect_chef_error([] { normalize_data_bag(Json::object()); }, 400, "Field 'name' missing");
  expect_chef_error(
      [] {
        normalize_data_bag(Json{{"name", "bad name"}});
      },
      400, "Field 'name' invalid");
  expect_chef_error([] { normalize_data_bag(Json{{"name", 12}}); }, 400, "Field 'name' invalid");
  expect_chef_error([] { normalize_data_bag(Json::array()); }, 400,
                    "Incorrect JSON type for request body");
}

const Json kItem = Json::parse(R"({"id": "alice", "foo": "bar", "baz": {"quux": [1, 2]}})");

TEST(DataBagItem, CreateKeepsTheItemAsSent) {
  EXPECT_EQ(normalize_data_bag_item(kItem, Action::create()), kItem);
  const Json odd = Json::parse(R"({"id": "x", "chef_type": "whatever", "data_bag": "other"})");
  EXPECT_EQ(normalize_data_bag_item(odd, Action::create()), odd);
}

TEST(DataBagItem, UnwrapsTheWrappedForm) {
  const Json wrapped = wrap_data_bag_item(kItem, "users", "alice");
  EXPECT_TRUE(is_wrapped_data_bag_item(wrapped));
  EXPECT_FALSE(is_wrapped_data_bag_item(kItem));
  EXPECT_EQ(unwrap_data_bag_item(wrapped), kItem);
  EXPECT_EQ(normalize_data_bag_item(wrapped, Action::create()), kItem);
  // raw_data without the class is an ordinary item.
  const Json plain = Json::parse(R"({"id": "a", "raw_data": {"id": "b"}})");
  EXPECT_EQ(normalize_data_bag_item(plain, Action::create()), plain);
}

TEST(DataBagItem, IdRules) {
  expect_chef_error(
      [] {
        normalize_data_bag_item(Json{{"foo", 1}}, Action::create());
      },
      400, "Field 'id' missing");
  for (const Json& bad : {Json("bad id"), Json(""), Json(7), Json(nullptr), Json("a/b")}) {
    expect_chef_error(
        [&] {
          normalize_data_bag_item(Json{{"id", bad}}, Action::create());
        },
        400, "Field 'id' invalid");
  }
  EXPECT_NO_THROW(normalize_data_bag_item(Json{{"id", "a:b-c_d.e"}}, Action::create()));
  expect_chef_error([] { normalize_data_bag_item(Json::array(), Action::create()); }, 400,
                    "Incorrect JSON type for request body");
}

TEST(DataBagItem, UpdateRules) {
  EXPECT_EQ(normalize_data_bag_item(Json{{"foo", "bar"}}, Action::update("alice")),
            Json::parse(R"({"id": "alice", "foo": "bar"})"));
  EXPECT_EQ(normalize_data_bag_item(kItem, Action::update("alice")), kItem);
  expect_chef_error([] { normalize_data_bag_item(kItem, Action::update("bob")); }, 400,
                    "DataBagItem name mismatch.");
}

TEST(DataBagItem, ResponseShapes) {
  EXPECT_EQ(data_bag_item_write_response(kItem, "users"), Json::parse(R"({
    "id": "alice", "foo": "bar", "baz": {"quux": [1, 2]},
    "chef_type": "data_bag_item", "data_bag": "users"})"));
  // The server overwrites chef_type and data_bag the item might carry.
  EXPECT_EQ(data_bag_item_write_response(Json::parse(R"({"id": "x", "data_bag": "other"})"),
                                         "users")["data_bag"],
            "users");
  EXPECT_EQ(wrap_data_bag_item(kItem, "users", "alice"), Json::parse(R"({
    "name": "data_bag_item_users_alice", "json_class": "Chef::DataBagItem",
    "chef_type": "data_bag_item", "data_bag": "users",
    "raw_data": {"id": "alice", "foo": "bar", "baz": {"quux": [1, 2]}}})"));
}

}  // namespace
}  // namespace proofbox::zero::model
