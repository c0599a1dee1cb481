// /environments, /environments/E, /environments/E/nodes and /environments/E/roles/R over HTTP,
// with and without /organizations/chef. Expected shapes and messages: erchef / pedant
// environments specs (environment_util.rb, read/update/delete_oss_spec, roles_spec), chef-zero
// environment_endpoint / environment_nodes_endpoint / environment_role_endpoint.
#include <gtest/gtest.h>

#include <string>

#include "api_test_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

Json default_environment() {
  return Json{{"name", "_default"},
              {"description", "The default Chef environment"},
              {"cookbook_versions", Json::object()},
              {"json_class", "Chef::Environment"},
              {"chef_type", "environment"},
              {"default_attributes", Json::object()},
              {"override_attributes", Json::object()}};
}

Json new_environment(const std::string& name) {
  return Json{{"name", name},
              {"description", ""},
              {"cookbook_versions", Json::object()},
              {"json_class", "Chef::Environment"},
              {"chef_type", "environment"},
              {"default_attributes", Json::object()},
              {"override_attributes", Json::object()}};
}

Json full_environment(const std::string& name) {
  Json env = new_environment(name);
  env["description"] = "Behold, a testing environment!";
  env["cookbook_versions"] = {{"ultimatecookbook", "= 1.1.0"}};
  env["default_attributes"] = {{"defaultattr", "y"}};
  env["override_attributes"] = {{"overrideattr", "b"}};
  return env;
}

class EnvironmentsApiTest : public zt::OrgFormsApiTest {
 protected:
  void create(const Json& body, const std::string& kind = "/environments") {
    auto r = api_.post(path(kind), body);
    ASSERT_EQ(r.status, 201) << r.body;
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, EnvironmentsApiTest, zt::org_forms(), zt::org_form_name);

// Needs ensure_org (src/api/org_setup.cpp) to seed "_default".
TEST_P(EnvironmentsApiTest, DefaultEnvironmentExistsInANewOrg) {
  auto list = api_.get(path("/environments"));
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.json(), Json({{"_default", url("/environments/_default")}}));
  auto got = api_.get(path("/environments/_default"));
  EXPECT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json(), default_environment());
}

TEST_P(EnvironmentsApiTest, CreateFillsDefaultsAndLists) {
  auto created = api_.post(path("/environments"), Json{{"name", "prod"}});
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/environments/prod")}}));
  EXPECT_EQ(api_.get(path("/environments/prod")).json(), new_environment("prod"));

  create(full_environment("dev"));
  EXPECT_EQ(api_.get(path("/environments/dev")).json(), full_environment("dev"));
  Json list = api_.get(path("/environments")).json();
  EXPECT_EQ(list["prod"], url("/environments/prod"));
  EXPECT_EQ(list["dev"], url("/environments/dev"));
}

TEST_P(EnvironmentsApiTest, DuplicateCreateIsConflict) {
  create(full_environment("prod"));
  Json again = new_environment("prod");
  expect_error(api_.post(path("/environments"), again), 409, "Environment already exists");
  expect_error(api_.post(path("/environments"), new_environment("_default")), 409,
               "Environment already exists");
  EXPECT_EQ(api_.get(path("/environments/prod")).json(), full_environment("prod"));
}

TEST_P(EnvironmentsApiTest, MissingEnvironmentIs404Everywhere) {
  const std::string msg = "Cannot load environment nope";
  expect_error(api_.get(path("/environments/nope")), 404, msg);
  EXPECT_EQ(api_.request("HEAD", path("/environments/nope")).status, 404);
  expect_error(api_.put(path("/environments/nope"), new_environment("nope")), 404, msg);
  expect_error(api_.del(path("/environments/nope")), 404, msg);
  expect_error(api_.get(path("/environments/nope/nodes")), 404, msg);
  expect_error(api_.get(path("/environments/nope/roles/web")), 404, msg);
  EXPECT_EQ(api_.get(path("/environments/nope")).status, 404);
}

TEST_P(EnvironmentsApiTest, PutUpdatesInPlace) {
  create(full_environment("prod"));
  Json update = full_environment("prod");
  update["description"] = "blah";
  update["cookbook_versions"] = {{"fork", "= 2.2"}};
  auto put = api_.put(path("/environments/prod"), update);
  EXPECT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json(), update);
  EXPECT_EQ(api_.get(path("/environments/prod")).json(), update);

  // A PUT replaces: what it leaves out falls back to the defaults.
  put = api_.put(path("/environments/prod"), Json{{"name", "prod"}});
  EXPECT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(api_.get(path("/environments/prod")).json(), new_environment("prod"));
}

TEST_P(EnvironmentsApiTest, PutWithAnotherNameRenames) {
  create(full_environment("prod"));
  auto put = api_.put(path("/environments/prod"), full_environment("production"));
  EXPECT_EQ(put.status, 201) << put.body;
  EXPECT_EQ(put.json(), full_environment("production"));
  expect_error(api_.get(path("/environments/prod")), 404, "Cannot load environment prod");
  EXPECT_EQ(api_.get(path("/environments/production")).json(), full_environment("production"));
  Json list = api_.get(path("/environments")).json();
  EXPECT_FALSE(list.contains("prod"));
  EXPECT_EQ(list["production"], url("/environments/production"));
}

TEST_P(EnvironmentsApiTest, RenameOntoAnExistingEnvironmentIsConflict) {
  create(full_environment("prod"));
  Json existing = new_environment("existing");
  existing["description"] = "Existing Environment";
  create(existing);
  expect_error(api_.put(path("/environments/prod"), full_environment("existing")), 409,
               "Environment already exists");
  expect_error(api_.put(path("/environments/prod"), new_environment("_default")), 409,
               "Environment already exists");
  EXPECT_EQ(api_.get(path("/environments/prod")).json(), full_environment("prod"));
  EXPECT_EQ(api_.get(path("/environments/existing")).json(), existing);
}

TEST_P(EnvironmentsApiTest, DefaultCannotBeModifiedOrDeleted) {
  const std::string msg = "The '_default' environment cannot be modified.";
  Json changed = default_environment();
  changed["description"] = "The NEW default Chef environment";
  auto put = api_.put(path("/environments/_default"), changed);
  expect_error(put, 405, msg);
  EXPECT_EQ(put.header("allow"), "GET");
  auto del = api_.del(path("/environments/_default"));
  expect_error(del, 405, msg);
  EXPECT_EQ(del.header("allow"), "GET");
  auto got = api_.get(path("/environments/_default"));
  EXPECT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json(), default_environment());
}

TEST_P(EnvironmentsApiTest, DeleteAnswersWithTheEnvironment) {
  create(full_environment("prod"));
  auto del = api_.del(path("/environments/prod"));
  EXPECT_EQ(del.status, 200);
  EXPECT_EQ(del.json(), full_environment("prod"));
  expect_error(api_.get(path("/environments/prod")), 404, "Cannot load environment prod");
}

TEST_P(EnvironmentsApiTest, BadBodiesAre400AndStoreUnchanged) {
  expect_error(api_.request("POST", path("/environments"), "{\"hi"), 400, "invalid JSON");
  expect_error(api_.request("POST", path("/environments"), "[\"name\",\"blah\"]"), 400,
               "Incorrect JSON type for request body");
  expect_error(api_.post(path("/environments"), Json{{"description", "x"}}), 400,
               "Field 'name' missing");
  expect_error(api_.post(path("/environments"), new_environment("abc 123")), 400,
               "Field 'name' invalid");
  expect_error(api_.post(path("/environments"), new_environment("with:colon")), 400,
               "Field 'name' invalid");
  Json bad = new_environment("x");
  bad["default_attributes"] = "hello";
  expect_error(api_.post(path("/environments"), bad), 400,
               "Field 'default_attributes' is not a hash");
  bad = new_environment("x");
  bad["cookbook_versions"] = {{"cookbook", ">=1.0.0"}};
  expect_error(api_.post(path("/environments"), bad), 400,
               "Invalid value '>=1.0.0' for cookbook_versions");
  bad = new_environment("x");
  bad["blah"] = "anyoldvalue";
  expect_error(api_.post(path("/environments"), bad), 400, "Invalid key blah in request body");
  EXPECT_EQ(api_.get(path("/environments/x")).status, 404);

  create(full_environment("prod"));
  expect_error(api_.request("PUT", path("/environments/prod"), ""), 400, "invalid JSON");
  expect_error(api_.request("PUT", path("/environments/prod"), "null"), 400,
               "Incorrect JSON type for request body");
  Json no_name = full_environment("prod");
  no_name.erase("name");
  expect_error(api_.put(path("/environments/prod"), no_name), 400, "Field 'name' missing");
  bad = full_environment("prod");
  bad["description"] = 1999;
  expect_error(api_.put(path("/environments/prod"), bad), 400, "Field 'description' invalid");
  bad = full_environment("renamed");
  bad["override_attributes"] = 1999;
  expect_error(api_.put(path("/environments/prod"), bad), 400,
               "Field 'override_attributes' is not a hash");
  EXPECT_EQ(api_.get(path("/environments/prod")).json(), full_environment("prod"));
  EXPECT_EQ(api_.get(path("/environments/renamed")).status, 404);
}

TEST_P(EnvironmentsApiTest, NodesListsOnlyTheEnvironmentsNodes) {
  create(new_environment("prod"));
  create(new_environment("empty"));
  create(Json{{"name", "a"}, {"chef_environment", "prod"}}, "/nodes");
  create(Json{{"name", "b"}, {"chef_environment", "_default"}}, "/nodes");
  create(Json{{"name", "c"}}, "/nodes");
  create(Json{{"name", "d"}, {"chef_environment", "prod"}}, "/nodes");
  create(Json{{"name", "e"}, {"chef_environment", "elsewhere"}}, "/nodes");

  auto prod = api_.get(path("/environments/prod/nodes"));
  EXPECT_EQ(prod.status, 200);
  EXPECT_EQ(prod.json(), Json({{"a", url("/nodes/a")}, {"d", url("/nodes/d")}}));
  EXPECT_EQ(api_.get(path("/environments/_default/nodes")).json(),
            Json({{"b", url("/nodes/b")}, {"c", url("/nodes/c")}}));
  auto empty = api_.get(path("/environments/empty/nodes"));
  EXPECT_EQ(empty.status, 200);
  EXPECT_EQ(empty.json(), Json::object());

  // Moving a node moves it between the lists.
  ASSERT_EQ(api_.put(path("/nodes/a"), Json{{"chef_environment", "empty"}}).status, 200);
  EXPECT_EQ(api_.get(path("/environments/prod/nodes")).json(), Json({{"d", url("/nodes/d")}}));
  EXPECT_EQ(api_.get(path("/environments/empty/nodes")).json(), Json({{"a", url("/nodes/a")}}));
}

TEST_P(EnvironmentsApiTest, RoleRunListInEnvironment) {
  create(new_environment("prod"));
  create(new_environment("staging"));
  create(Json{{"name", "web"},
              {"run_list", {"recipe[nginx]"}},
              {"env_run_lists", {{"prod", {"recipe[apache2]"}}}}},
         "/roles");

  auto prod = api_.get(path("/environments/prod/roles/web"));
  EXPECT_EQ(prod.status, 200);
  EXPECT_EQ(prod.json(), Json({{"run_list", {"recipe[apache2]"}}}));
  EXPECT_EQ(api_.get(path("/environments/_default/roles/web")).json(),
            Json({{"run_list", {"recipe[nginx]"}}}));
  auto staging = api_.get(path("/environments/staging/roles/web"));
  EXPECT_EQ(staging.status, 200);
  EXPECT_EQ(staging.json(), Json({{"run_list", nullptr}}));

  expect_error(api_.get(path("/environments/_default/roles/not_a_role")), 404,
               "Cannot load role not_a_role");
  expect_error(api_.get(path("/environments/prod/roles/not_a_role")), 404,
               "Cannot load role not_a_role");
  // The environment is looked up before the role.
  expect_error(api_.get(path("/environments/ghost/roles/not_a_role")), 404,
               "Cannot load environment ghost");
}

TEST_P(EnvironmentsApiTest, WrongMethodIs405WithAllow) {
  create(new_environment("prod"));
  auto r = api_.del(path("/environments"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  r = api_.put(path("/environments"), new_environment("prod"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  r = api_.post(path("/environments/prod"), new_environment("prod"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, PUT, DELETE");
  r = api_.post(path("/environments/prod/nodes"), Json::object());
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET");
  r = api_.del(path("/environments/prod/roles/web"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET");
  EXPECT_EQ(api_.get(path("/environments/prod")).json(), new_environment("prod"));
}

}  // namespace
