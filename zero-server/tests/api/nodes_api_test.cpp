// /nodes and /nodes/N over HTTP, with and without /organizations/chef.
// Expected shapes and messages: erchef / pedant nodes spec (node_util.rb).
#include <gtest/gtest.h>

#include <string>

#include "api_test_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

Json default_node(const std::string& name) {
  return Json{{"name", name},
              {"chef_environment", "_default"},
              {"json_class", "Chef::Node"},
              {"chef_type", "node"},
              {"normal", Json::object()},
              {"default", Json::object()},
              {"override", Json::object()},
              {"automatic", Json::object()},
              {"run_list", Json::array()}};
}

// Every test runs against the unscoped form (default org) and /organizations/chef.
class NodesApiTest : public zt::OrgFormsApiTest {};

INSTANTIATE_TEST_SUITE_P(Forms, NodesApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(NodesApiTest, CreateFillsDefaultsAndListsWithRequestForm) {
  auto list = api_.get(path("/nodes"));
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.json(), Json::object());

  auto created = api_.post(path("/nodes"), Json{{"name", "web1"}});
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/nodes/web1")}}));

  auto got = api_.get(path("/nodes/web1"));
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.json(), default_node("web1"));

  api_.post(path("/nodes"), Json{{"name", "db1"}});
  EXPECT_EQ(api_.get(path("/nodes")).json(),
            Json({{"db1", url("/nodes/db1")}, {"web1", url("/nodes/web1")}}));
}

TEST_P(NodesApiTest, CreateKeepsFieldsAndNormalisesRunList) {
  Json node = default_node("app");
  node["chef_environment"] = "prod";
  node["normal"] = {{"tags", {"a"}}};
  node["run_list"] = {"base", "recipe[base]", "role[web]", "nginx::ssl@1.0.0"};
  ASSERT_EQ(api_.post(path("/nodes"), node).status, 201);

  Json expected = node;
  expected["run_list"] = {"recipe[base]", "role[web]", "recipe[nginx::ssl@1.0.0]"};
  EXPECT_EQ(api_.get(path("/nodes/app")).json(), expected);
}

TEST_P(NodesApiTest, DuplicateCreateIsConflictAndKeepsOriginal) {
  Json node = default_node("web1");
  node["normal"] = {{"v", 1}};
  ASSERT_EQ(api_.post(path("/nodes"), node).status, 201);
  Json other = default_node("web1");
  other["normal"] = {{"v", 2}};
  expect_error(api_.post(path("/nodes"), other), 409, "Node already exists");
  EXPECT_EQ(api_.get(path("/nodes/web1")).json()["normal"], Json({{"v", 1}}));
}

TEST_P(NodesApiTest, MissingNodeIs404ForGetHeadPutDelete) {
  expect_error(api_.get(path("/nodes/nope")), 404, "node 'nope' not found");
  EXPECT_EQ(api_.request("HEAD", path("/nodes/nope")).status, 404);
  expect_error(api_.put(path("/nodes/nope"), Json{{"name", "nope"}}), 404, "node 'nope' not found");
  expect_error(api_.del(path("/nodes/nope")), 404, "node 'nope' not found");
  EXPECT_EQ(api_.get(path("/nodes")).json(), Json::object());
}

TEST_P(NodesApiTest, HeadOfExistingNodeIs200WithoutBody) {
  ASSERT_EQ(api_.post(path("/nodes"), Json{{"name", "web1"}}).status, 201);
  auto head = api_.request("HEAD", path("/nodes/web1"));
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

TEST_P(NodesApiTest, PutReplacesNodeAndAnswersWithIt) {
  Json node = default_node("web1");
  node["normal"] = {{"old", true}};
  node["run_list"] = {"recipe[a]"};
  ASSERT_EQ(api_.post(path("/nodes"), node).status, 201);

  // PUT replaces the whole node: fields left out fall back to their defaults.
  auto put = api_.put(path("/nodes/web1"),
                      Json{{"name", "web1"}, {"default", {{"foo", "bar"}}}, {"run_list", {"b"}}});
  EXPECT_EQ(put.status, 200) << put.body;
  Json expected = default_node("web1");
  expected["default"] = {{"foo", "bar"}};
  expected["run_list"] = {"recipe[b]"};
  EXPECT_EQ(put.json(), expected);
  EXPECT_EQ(api_.get(path("/nodes/web1")).json(), expected);
}

TEST_P(NodesApiTest, PutWithoutNameTakesTheUrlName) {
  ASSERT_EQ(api_.post(path("/nodes"), Json{{"name", "web1"}}).status, 201);
  auto put = api_.put(path("/nodes/web1"),
                      Json{{"json_class", "Chef::Node"}, {"chef_environment", "prod"}});
  EXPECT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["name"], "web1");
  EXPECT_EQ(api_.get(path("/nodes/web1")).json()["chef_environment"], "prod");
}

TEST_P(NodesApiTest, PutNamingAnotherNodeIsRefusedNotRenamed) {
  ASSERT_EQ(api_.post(path("/nodes"), Json{{"name", "web1"}}).status, 201);
  expect_error(api_.put(path("/nodes/web1"), default_node("web2")), 400, "Node name mismatch.");
  EXPECT_EQ(api_.get(path("/nodes/web1")).json(), default_node("web1"));
  EXPECT_EQ(api_.get(path("/nodes/web2")).status, 404);
}

TEST_P(NodesApiTest, DeleteAnswersWithTheNodeAndRemovesIt) {
  Json node = default_node("web1");
  node["automatic"] = {{"platform", "debian"}};
  ASSERT_EQ(api_.post(path("/nodes"), node).status, 201);
  auto del = api_.del(path("/nodes/web1"));
  EXPECT_EQ(del.status, 200);
  EXPECT_EQ(del.json(), node);
  expect_error(api_.get(path("/nodes/web1")), 404, "node 'web1' not found");
  EXPECT_EQ(api_.get(path("/nodes")).json(), Json::object());
}

TEST_P(NodesApiTest, BadCreateBodiesAre400AndStoreNothing) {
  expect_error(api_.request("POST", path("/nodes"), "{\"name\": "), 400, "invalid JSON");
  expect_error(api_.request("POST", path("/nodes"), "[\"web1\"]"), 400,
               "Incorrect JSON type for request body");
  expect_error(api_.post(path("/nodes"), Json{{"run_list", Json::array()}}), 400,
               "Field 'name' missing");
  expect_error(api_.post(path("/nodes"), Json{{"name", "node@127.0.0.1"}}), 400,
               "Field 'name' invalid");
  expect_error(api_.post(path("/nodes"), Json{{"name", 42}}), 400, "Field 'name' invalid");
  expect_error(api_.post(path("/nodes"), Json{{"name", "a"}, {"normal", Json::array()}}), 400,
               "Field 'normal' is not a hash");
  expect_error(api_.post(path("/nodes"), Json{{"name", "a"}, {"run_list", {"node[x]"}}}), 400,
               "Field 'run_list' is not a valid run list");
  expect_error(api_.post(path("/nodes"), Json{{"name", "a"}, {"run_list", "base"}}), 400,
               "Field 'run_list' is not a valid run list");
  expect_error(api_.post(path("/nodes"), Json{{"name", "a"}, {"json_class", "Chef::Role"}}), 400,
               "Field 'json_class' invalid");
  expect_error(api_.post(path("/nodes"), Json{{"name", "a"}, {"chef_environment", "a:b"}}), 400,
               "Field 'chef_environment' invalid");
  expect_error(api_.post(path("/nodes"), Json{{"name", "a"}, {"colour", "blue"}}), 400,
               "Invalid key colour in request body");
  EXPECT_EQ(api_.get(path("/nodes")).json(), Json::object());
}

TEST_P(NodesApiTest, BadUpdateBodiesAre400AndLeaveTheNodeAlone) {
  Json node = default_node("web1");
  node["normal"] = {{"keep", "me"}};
  ASSERT_EQ(api_.post(path("/nodes"), node).status, 201);
  expect_error(api_.request("PUT", path("/nodes/web1"), "{not json"), 400, "invalid JSON");
  expect_error(api_.request("PUT", path("/nodes/web1"), "\"web1\""), 400,
               "Incorrect JSON type for request body");
  expect_error(api_.put(path("/nodes/web1"), Json{{"override", 1}}), 400,
               "Field 'override' is not a hash");
  expect_error(api_.put(path("/nodes/web1"), Json{{"run_list", {1, 2}}}), 400,
               "Field 'run_list' is not a valid run list");
  EXPECT_EQ(api_.get(path("/nodes/web1")).json(), node);
}

TEST_P(NodesApiTest, WrongMethodIs405WithAllow) {
  auto r = api_.del(path("/nodes"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  r = api_.post(path("/nodes/web1"), Json{{"name", "web1"}});
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, PUT, DELETE");
  EXPECT_EQ(api_.get(path("/nodes")).json(), Json::object());
}

// Both forms reach the same default org; each answer's URLs follow the form it was asked in.
TEST(NodesApiForms, UnscopedAndScopedShareTheDefaultOrg) {
  zt::ApiTestServer server;
  zt::ApiClient api(server.url());
  ASSERT_EQ(api.post("/nodes", Json{{"name", "web1"}}).status, 201);
  EXPECT_EQ(api.get("/organizations/chef/nodes").json(),
            Json({{"web1", server.url() + "/organizations/chef/nodes/web1"}}));
  EXPECT_EQ(api.get("/nodes").json(), Json({{"web1", server.url() + "/nodes/web1"}}));
  auto created = api.post("/organizations/chef/nodes", Json{{"name", "web2"}});
  EXPECT_EQ(created.json(), Json({{"uri", server.url() + "/organizations/chef/nodes/web2"}}));
  EXPECT_EQ(api.get("/nodes/web2").status, 200);
}

}  // namespace
