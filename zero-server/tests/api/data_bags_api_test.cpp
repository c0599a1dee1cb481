// /data, /data/BAG and /data/BAG/ITEM over HTTP, with and without /organizations/chef.
// Expected shapes and messages: erchef / pedant data_bag spec (data_bag_util.rb), chef-zero
// data_bags/data_bag/data_bag_item endpoints and data_normalizer.
#include <gtest/gtest.h>

#include <string>

#include "api_test_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

Json bag_document(const std::string& name) {
  return Json{{"name", name}, {"json_class", "Chef::DataBag"}, {"chef_type", "data_bag"}};
}

// What POST and PUT answer: the item plus chef_type and data_bag.
Json written(Json item, const std::string& bag) {
  item["chef_type"] = "data_bag_item";
  item["data_bag"] = bag;
  return item;
}

class DataBagsApiTest : public zt::OrgFormsApiTest {
 protected:
  void create_bag(const std::string& name) {
    auto r = api_.post(path("/data"), Json{{"name", name}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  void create_item(const std::string& bag, const Json& item) {
    auto r = api_.post(path("/data/" + bag), item);
    ASSERT_EQ(r.status, 201) << r.body;
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, DataBagsApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(DataBagsApiTest, CreateBagAndList) {
  EXPECT_EQ(api_.get(path("/data")).json(), Json::object());
  auto created = api_.post(path("/data"), bag_document("users"));
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/data/users")}}));
  create_bag("pedant:with:colons");
  EXPECT_EQ(api_.get(path("/data")).json(),
            Json({{"pedant:with:colons", url("/data/pedant:with:colons")},
                  {"users", url("/data/users")}}));
  auto bag = api_.get(path("/data/users"));
  EXPECT_EQ(bag.status, 200);
  EXPECT_EQ(bag.json(), Json::object());
}

TEST_P(DataBagsApiTest, DuplicateBagIsConflict) {
  create_bag("users");
  create_item("users", Json{{"id", "alice"}});
  expect_error(api_.post(path("/data"), Json{{"name", "users"}}), 409, "Data bag already exists");
  // The existing bag and its items are untouched.
  EXPECT_EQ(api_.get(path("/data/users")).json(), Json({{"alice", url("/data/users/alice")}}));
}

TEST_P(DataBagsApiTest, BadBagBodiesAre400) {
  expect_error(api_.request("POST", path("/data"), "{\"name\":"), 400, "invalid JSON");
  expect_error(api_.request("POST", path("/data"), "\"users\""), 400,
               "Incorrect JSON type for request body");
  expect_error(api_.post(path("/data"), Json{{"id", "users"}}), 400, "Field 'name' missing");
  expect_error(api_.post(path("/data"), Json{{"name", "pedant-does-not-like-punctuation!!!!"}}),
               400, "Field 'name' invalid");
  expect_error(api_.post(path("/data"), Json{{"name", 7}}), 400, "Field 'name' invalid");
  EXPECT_EQ(api_.get(path("/data")).json(), Json::object());
}

TEST_P(DataBagsApiTest, MissingBagIs404) {
  const std::string msg = "Cannot load data bag nope";
  expect_error(api_.get(path("/data/nope")), 404, msg);
  expect_error(api_.del(path("/data/nope")), 404, msg);
  expect_error(api_.post(path("/data/nope"), Json{{"id", "blah"}}), 404,
               "No data bag 'nope' could be found. Please create this data bag before adding "
               "items to it.");
  expect_error(api_.get(path("/data/nope/blah")), 404,
               "Cannot load data bag item blah for data bag nope");
  expect_error(api_.put(path("/data/nope/blah"), Json{{"id", "blah"}}), 404,
               "Cannot load data bag item blah for data bag nope");
  expect_error(api_.del(path("/data/nope/blah")), 404, "Cannot load data bag nope item blah");
  EXPECT_EQ(api_.get(path("/data")).json(), Json::object());
}

TEST_P(DataBagsApiTest, CreateItemAnswersWithTypeAndBag) {
  create_bag("users");
  Json item{{"id", "alice"}, {"uid", 1001}, {"groups", {"admin", "dev"}}};
  auto created = api_.post(path("/data/users"), item);
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), written(item, "users"));
  // GET answers with the item exactly as sent.
  auto got = api_.get(path("/data/users/alice"));
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.json(), item);
  create_item("users", Json{{"id", "bob"}});
  EXPECT_EQ(api_.get(path("/data/users")).json(),
            Json({{"alice", url("/data/users/alice")}, {"bob", url("/data/users/bob")}}));
}

TEST_P(DataBagsApiTest, WrappedItemBodyIsUnwrapped) {
  create_bag("users");
  Json raw{{"id", "carol"}, {"shell", "/bin/zsh"}};
  Json wrapped{{"name", "data_bag_item_users_carol"},
               {"json_class", "Chef::DataBagItem"},
               {"chef_type", "data_bag_item"},
               {"data_bag", "users"},
               {"raw_data", raw}};
  auto created = api_.post(path("/data/users"), wrapped);
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), written(raw, "users"));
  EXPECT_EQ(api_.get(path("/data/users/carol")).json(), raw);
}

TEST_P(DataBagsApiTest, DuplicateItemIsConflict) {
  create_bag("users");
  create_item("users", Json{{"id", "alice"}, {"v", 1}});
  expect_error(api_.post(path("/data/users"), Json{{"id", "alice"}, {"v", 2}}), 409,
               "Data Bag Item 'alice' already exists in Data Bag 'users'.");
  EXPECT_EQ(api_.get(path("/data/users/alice")).json(), Json({{"id", "alice"}, {"v", 1}}));
}

TEST_P(DataBagsApiTest, BadItemBodiesAre400) {
  create_bag("users");
  expect_error(api_.request("POST", path("/data/users"), "{"), 400, "invalid JSON");
  expect_error(api_.request("POST", path("/data/users"), "[1]"), 400,
               "Incorrect JSON type for request body");
  expect_error(api_.post(path("/data/users"), Json{{"answer", 42}}), 400, "Field 'id' missing");
  expect_error(api_.post(path("/data/users"), Json{{"id", "pedant_badId!!"}}), 400,
               "Field 'id' invalid");
  expect_error(api_.post(path("/data/users"), Json{{"id", "^$@^*  pedant"}}), 400,
               "Field 'id' invalid");
  EXPECT_EQ(api_.get(path("/data/users")).json(), Json::object());
}

TEST_P(DataBagsApiTest, PutReplacesItem) {
  create_bag("users");
  create_item("users", Json{{"id", "alice"}, {"old", true}});
  Json update{{"id", "alice"}, {"new_stuff", "foo"}};
  auto put = api_.put(path("/data/users/alice"), update);
  EXPECT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json(), written(update, "users"));
  EXPECT_EQ(api_.get(path("/data/users/alice")).json(), update);
}

TEST_P(DataBagsApiTest, PutWithoutIdTakesTheUrlId) {
  create_bag("users");
  create_item("users", Json{{"id", "alice"}});
  auto put = api_.put(path("/data/users/alice"), Json{{"new_stuff", "foo"}});
  EXPECT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json(), written(Json{{"new_stuff", "foo"}, {"id", "alice"}}, "users"));
  EXPECT_EQ(api_.get(path("/data/users/alice")).json(),
            Json({{"id", "alice"}, {"new_stuff", "foo"}}));
}

TEST_P(DataBagsApiTest, PutWithAnotherIdIsRefused) {
  create_bag("users");
  create_item("users", Json{{"id", "alice"}, {"v", 1}});
  expect_error(api_.put(path("/data/users/alice"), Json{{"id", "different"}, {"v", 2}}), 400,
               "DataBagItem name mismatch.");
  EXPECT_EQ(api_.get(path("/data/users/alice")).json(), Json({{"id", "alice"}, {"v", 1}}));
  EXPECT_EQ(api_.get(path("/data/users/different")).status, 404);
}

TEST_P(DataBagsApiTest, PutOfMissingItemIs404AndCreatesNothing) {
  create_bag("users");
  expect_error(api_.put(path("/data/users/ghost"), Json{{"id", "ghost"}}), 404,
               "Cannot load data bag item ghost for data bag users");
  create_item("users", Json{{"id", "alice"}});
  expect_error(api_.put(path("/data/users/ghost"), Json{{"id", "ghost"}}), 404,
               "Cannot load data bag item ghost for data bag users");
  expect_error(api_.request("PUT", path("/data/users/alice"), "{oops"), 400, "invalid JSON");
  EXPECT_EQ(api_.get(path("/data/users")).json(), Json({{"alice", url("/data/users/alice")}}));
}

TEST_P(DataBagsApiTest, DeleteItemAnswersWrapped) {
  create_bag("users");
  Json alice{{"id", "alice"}, {"foo", "bar"}, {"baz", "quux"}};
  create_item("users", alice);
  create_item("users", Json{{"id", "bob"}});
  auto del = api_.del(path("/data/users/alice"));
  EXPECT_EQ(del.status, 200) << del.body;
  EXPECT_EQ(del.json(), Json({{"name", "data_bag_item_users_alice"},
                              {"json_class", "Chef::DataBagItem"},
                              {"chef_type", "data_bag_item"},
                              {"data_bag", "users"},
                              {"raw_data", alice}}));
  expect_error(api_.get(path("/data/users/alice")), 404,
               "Cannot load data bag item alice for data bag users");
  expect_error(api_.del(path("/data/users/alice")), 404, "Cannot load data bag users item alice");
  EXPECT_EQ(api_.get(path("/data/users")).json(), Json({{"bob", url("/data/users/bob")}}));
}

TEST_P(DataBagsApiTest, DeleteBagRemovesItsItems) {
  create_bag("users");
  create_bag("other");
  create_item("users", Json{{"id", "alice"}});
  create_item("users", Json{{"id", "bob"}});
  create_item("other", Json{{"id", "keep"}});

  auto del = api_.del(path("/data/users"));
  EXPECT_EQ(del.status, 200) << del.body;
  EXPECT_EQ(del.json(), bag_document("users"));
  expect_error(api_.get(path("/data/users")), 404, "Cannot load data bag users");
  expect_error(api_.get(path("/data/users/alice")), 404,
               "Cannot load data bag item alice for data bag users");
  EXPECT_EQ(api_.get(path("/data")).json(), Json({{"other", url("/data/other")}}));
  EXPECT_EQ(api_.get(path("/data/other/keep")).status, 200);

  // A new bag of the same name starts empty.
  create_bag("users");
  EXPECT_EQ(api_.get(path("/data/users")).json(), Json::object());
}

TEST_P(DataBagsApiTest, WrongMethodIs405WithAllow) {
  create_bag("users");
  create_item("users", Json{{"id", "alice"}});
  auto r = api_.put(path("/data"), Json{{"fake", "value"}});
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  r = api_.del(path("/data"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  r = api_.put(path("/data/users"), Json{{"fake", "value"}});
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST, DELETE");
  r = api_.post(path("/data/users/alice"), Json{{"fake", "value"}});
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, PUT, DELETE");
  EXPECT_EQ(api_.get(path("/data/users/alice")).json(), Json({{"id", "alice"}}));
}

TEST(DataBagsApiForms, UnscopedAndScopedShareTheDefaultOrg) {
  zt::ApiTestServer server;
  zt::ApiClient api(server.url());
  ASSERT_EQ(api.post("/organizations/chef/data", Json{{"name", "users"}}).status, 201);
  ASSERT_EQ(api.post("/data/users", Json{{"id", "alice"}}).status, 201);
  EXPECT_EQ(api.get("/data/users").json(), Json({{"alice", server.url() + "/data/users/alice"}}));
  EXPECT_EQ(api.get("/organizations/chef/data/users").json(),
            Json({{"alice", server.url() + "/organizations/chef/data/users/alice"}}));
}

}  // namespace
