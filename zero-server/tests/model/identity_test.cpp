#include "proofbox/zero/model/identity.hpp"

#include <gtest/gtest.h>

#include "model_test_support.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;

TEST(Identity, NameFromBody) {
  EXPECT_EQ(name_from_body(ObjectType::node, Json{{"name", "n"}}), "n");
  EXPECT_EQ(name_from_body(ObjectType::role, Json{{"name", "r"}}), "r");
  EXPECT_EQ(name_from_body(ObjectType::environment, Json{{"name", "e"}}), "e");
  EXPECT_EQ(name_from_body(ObjectType::data_bag, Json{{"name", "b"}}), "b");
  EXPECT_EQ(name_from_body(ObjectType::data_bag_item, Json{{"id", "i"}, {"name", "x"}}), "i");
  EXPECT_EQ(name_from_body(ObjectType::client, Json{{"clientname", "c"}}), "c");
  EXPECT_EQ(name_from_body(ObjectType::client, Json{{"name", "c"}, {"clientname", "c"}}), "c");
  EXPECT_EQ(name_from_body(ObjectType::user, Json{{"username", "u"}}), "u");
  EXPECT_EQ(name_from_body(ObjectType::user, Json{{"name", "n"}, {"username", "u"}}), "n");
  EXPECT_EQ(name_from_body(ObjectType::node, Json::object()), std::nullopt);
  EXPECT_EQ(name_from_body(ObjectType::node, Json{{"name", 5}}), std::nullopt);
  EXPECT_EQ(name_from_body(ObjectType::node, Json::array()), std::nullopt);
  expect_chef_error(
      [] {
        name_from_body(ObjectType::client, Json{{"name", "a"}, {"clientname", "b"}});
      },
      400, "name and clientname must match");
}

TEST(Identity, RequireNameFromBody) {
  expect_chef_error([] { require_name_from_body(ObjectType::node, Json::object()); }, 400,
                    "Field 'name' missing");
  expect_chef_error([] { require_name_from_body(ObjectType::data_bag_item, Json::object()); }, 400,
                    "Field 'id' missing");
  expect_chef_error([] { require_name_from_body(ObjectType::user, Json::object()); }, 400,
                    "Field 'username' missing");
  expect_chef_error([] { require_name_from_body(ObjectType::client, Json::object()); }, 400,
                    "Field 'name' missing");
}

TEST(Identity, PutTargetName) {
  EXPECT_EQ(put_target_name(ObjectType::node, Json::object(), "n"), "n");
  EXPECT_EQ(put_target_name(ObjectType::node, Json{{"name", "n"}}, "n"), "n");
  expect_chef_error(
      [] {
        put_target_name(ObjectType::node, Json{{"name", "m"}}, "n");
      },
      400, "Node name mismatch.");
  expect_chef_error(
      [] {
        put_target_name(ObjectType::role, Json{{"name", "m"}}, "n");
      },
      400, "Role name mismatch.");
  expect_chef_error(
      [] {
        put_target_name(ObjectType::data_bag_item, Json{{"id", "m"}}, "n");
      },
      400, "DataBagItem name mismatch.");
  EXPECT_EQ(put_target_name(ObjectType::environment, Json{{"name", "new"}}, "old"), "new");
  EXPECT_EQ(put_target_name(ObjectType::client, Json{{"clientname", "new"}}, "old"), "new");
  EXPECT_EQ(put_target_name(ObjectType::user, Json{{"username", "new"}}, "old"), "new");
  EXPECT_EQ(put_target_name(ObjectType::client, Json::object(), "old"), "old");
  EXPECT_TRUE(put_renames(ObjectType::environment));
  EXPECT_FALSE(put_renames(ObjectType::node));
}

}  // namespace
}  // namespace proofbox::zero::model
