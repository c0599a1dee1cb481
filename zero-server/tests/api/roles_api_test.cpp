// /roles, /roles/R, /roles/R/environments[/E] over HTTP, with and without /organizations/chef.
// Expected shapes and messages: erchef / pedant roles spec (role_util.rb), chef-zero
// role_environments_endpoint and environment_role_endpoint.
#include <gtest/gtest.h>

#include <string>

#include "api_test_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

Json default_role(const std::string& name) {
  return Json{{"name", name},
              {"description", ""},
              {"json_class", "Chef::Role"},
              {"chef_type", "role"},
              {"default_attributes", Json::object()},
              {"override_attributes", Json::object()},
              {"run_list", Json::array()},
              {"env_run_lists", Json::object()}};
}

class RolesApiTest : public zt::OrgFormsApiTest {
 protected:
  void create_environment(const std::string& name) {
    ASSERT_EQ(api_.post(path("/environments"), Json{{"name", name}}).status, 201);
  }
  // A role with a _default run list and env_run_lists for prod (which exists) and ghost
  // (which does not).
  Json create_web_role() {
    Json role = default_role("web");
    role["run_list"] = {"recipe[nginx]"};
    role["env_run_lists"] = {{"prod", {"recipe[nginx]", "recipe[hardening]"}},
                             {"ghost", Json::array()}};
    EXPECT_EQ(api_.post(path("/roles"), role).status, 201);
    return role;
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, RolesApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(RolesApiTest, CreateFillsDefaultsAndLists) {
  EXPECT_EQ(api_.get(path("/roles")).json(), Json::object());
  auto created = api_.post(path("/roles"), Json{{"name", "web"}});
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/roles/web")}}));
  auto got = api_.get(path("/roles/web"));
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.json(), default_role("web"));
  EXPECT_EQ(api_.get(path("/roles")).json(), Json({{"web", url("/roles/web")}}));
}

TEST_P(RolesApiTest, CreateNormalisesRunListsAndEnvRunLists) {
  Json role = default_role("web");
  role["run_list"] = {"foo", "recipe[foo]", "role[base]", "role[base]"};
  role["env_run_lists"] = {{"prod", {"bar::baz@1.0.0", "role[prod]"}}};
  ASSERT_EQ(api_.post(path("/roles"), role).status, 201);
  Json expected = role;
  expected["run_list"] = {"recipe[foo]", "role[base]"};
  expected["env_run_lists"] = {{"prod", {"recipe[bar::baz@1.0.0]", "role[prod]"}}};
  EXPECT_EQ(api_.get(path("/roles/web")).json(), expected);
}

TEST_P(RolesApiTest, DuplicateCreateIsConflict) {
  Json role = default_role("web");
  role["description"] = "first";
  ASSERT_EQ(api_.post(path("/roles"), role).status, 201);
  role["description"] = "second";
  expect_error(api_.post(path("/roles"), role), 409, "Role already exists");
  EXPECT_EQ(api_.get(path("/roles/web")).json()["description"], "first");
}

TEST_P(RolesApiTest, MissingRoleIs404Everywhere) {
  const std::string msg = "Cannot load role nope";
  expect_error(api_.get(path("/roles/nope")), 404, msg);
  EXPECT_EQ(api_.request("HEAD", path("/roles/nope")).status, 404);
  expect_error(api_.put(path("/roles/nope"), Json{{"name", "nope"}}), 404, msg);
  expect_error(api_.del(path("/roles/nope")), 404, msg);
  expect_error(api_.get(path("/roles/nope/environments")), 404, msg);
  expect_error(api_.get(path("/roles/nope/environments/_default")), 404, msg);
  // The role is looked up before the environment.
  expect_error(api_.get(path("/roles/nope/environments/nowhere")), 404, msg);
  EXPECT_EQ(api_.get(path("/roles")).json(), Json::object());
}

TEST_P(RolesApiTest, PutReplacesTheRole) {
  ASSERT_EQ(api_.post(path("/roles"), default_role("web")).status, 201);
  Json update = default_role("web");
  update["description"] = "updated";
  update["run_list"] = {"nginx"};
  auto put = api_.put(path("/roles/web"), update);
  EXPECT_EQ(put.status, 200) << put.body;
  update["run_list"] = {"recipe[nginx]"};
  EXPECT_EQ(put.json(), update);
  EXPECT_EQ(api_.get(path("/roles/web")).json(), update);
}

TEST_P(RolesApiTest, PutWithoutNameTakesTheUrlName) {
  ASSERT_EQ(api_.post(path("/roles"), default_role("web")).status, 201);
  auto put = api_.put(path("/roles/web"), Json{{"description", "from the url"}});
  EXPECT_EQ(put.status, 200) << put.body;
  Json expected = default_role("web");
  expected["description"] = "from the url";
  EXPECT_EQ(put.json(), expected);
  EXPECT_EQ(api_.get(path("/roles/web")).json(), expected);
}

TEST_P(RolesApiTest, PutNamingAnotherRoleIsRefusedNotRenamed) {
  ASSERT_EQ(api_.post(path("/roles"), default_role("web")).status, 201);
  Json other = default_role("db");
  other["description"] = "changed";
  expect_error(api_.put(path("/roles/web"), other), 400, "Role name mismatch.");
  EXPECT_EQ(api_.get(path("/roles/web")).json(), default_role("web"));
  EXPECT_EQ(api_.get(path("/roles/db")).status, 404);
}

TEST_P(RolesApiTest, DeleteAnswersWithTheRole) {
  Json role = create_web_role();
  auto del = api_.del(path("/roles/web"));
  EXPECT_EQ(del.status, 200);
  EXPECT_EQ(del.json(), role);
  expect_error(api_.get(path("/roles/web")), 404, "Cannot load role web");
}

TEST_P(RolesApiTest, BadBodiesAre400AndStoreUnchanged) {
  expect_error(api_.request("POST", path("/roles"), "{"), 400, "invalid JSON");
  expect_error(api_.request("POST", path("/roles"), "[]"), 400,
               "Incorrect JSON type for request body");
  expect_error(api_.post(path("/roles"), Json{{"description", "x"}}), 400, "Field 'name' missing");
  expect_error(api_.post(path("/roles"), Json{{"name", "this+ is bad!!!"}}), 400,
               "Field 'name' invalid");
  expect_error(api_.post(path("/roles"), Json{{"name", "r"}, {"json_class", "Chef::Node"}}), 400,
               "Field 'json_class' invalid");
  expect_error(api_.post(path("/roles"), Json{{"name", "r"}, {"default_attributes", "x"}}), 400,
               "Field 'default_attributes' is not a hash");
  expect_error(api_.post(path("/roles"), Json{{"name", "r"}, {"run_list", {"recipe["}}}), 400,
               "Field 'run_list' is not a valid run list");
  expect_error(api_.post(path("/roles"), Json{{"name", "r"}, {"env_run_lists", "wrong"}}), 400,
               "Field 'env_run_lists' contains invalid run lists");
  expect_error(api_.post(path("/roles"), Json{{"name", "r"}, {"env_run_lists", {{"prod", {123}}}}}),
               400, "Field 'env_run_lists' contains invalid run lists");
  expect_error(api_.post(path("/roles"), Json{{"name", "r"}, {"bogus", 1}}), 400,
               "Invalid key bogus in request body");
  EXPECT_EQ(api_.get(path("/roles")).json(), Json::object());

  Json role = create_web_role();
  expect_error(api_.request("PUT", path("/roles/web"), "{\"name\""), 400, "invalid JSON");
  expect_error(api_.put(path("/roles/web"), Json{{"json_class", "Chef::Node"}}), 400,
               "Field 'json_class' invalid");
  expect_error(api_.put(path("/roles/web"), Json{{"override_attributes", {1}}}), 400,
               "Field 'override_attributes' is not a hash");
  EXPECT_EQ(api_.get(path("/roles/web")).json(), role);
}

TEST_P(RolesApiTest, EnvironmentsListsDefaultPlusEnvRunListKeys) {
  ASSERT_EQ(api_.post(path("/roles"), default_role("plain")).status, 201);
  auto plain = api_.get(path("/roles/plain/environments"));
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.json(), Json::array({"_default"}));

  create_web_role();
  // ghost does not exist as an environment and is listed all the same.
  EXPECT_EQ(api_.get(path("/roles/web/environments")).json(),
            Json::array({"_default", "ghost", "prod"}));
}

TEST_P(RolesApiTest, RunListPerEnvironment) {
  create_environment("prod");
  create_environment("staging");
  create_web_role();

  auto def = api_.get(path("/roles/web/environments/_default"));
  EXPECT_EQ(def.status, 200);
  EXPECT_EQ(def.json(), Json({{"run_list", {"recipe[nginx]"}}}));
  EXPECT_EQ(api_.get(path("/roles/web/environments/prod")).json(),
            Json({{"run_list", {"recipe[nginx]", "recipe[hardening]"}}}));
  // An existing environment the role has no run list for: null, not the default run list.
  auto staging = api_.get(path("/roles/web/environments/staging"));
  EXPECT_EQ(staging.status, 200);
  EXPECT_EQ(staging.json(), Json({{"run_list", nullptr}}));
  // An environment that does not exist is 404, even when the role names it.
  expect_error(api_.get(path("/roles/web/environments/ghost")), 404,
               "Cannot load environment ghost");
  expect_error(api_.get(path("/roles/web/environments/nowhere")), 404,
               "Cannot load environment nowhere");
}

TEST_P(RolesApiTest, WrongMethodIs405WithAllow) {
  create_web_role();
  auto r = api_.put(path("/roles"), Json::object());
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  r = api_.post(path("/roles/web"), Json::object());
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, PUT, DELETE");
  r = api_.del(path("/roles/web/environments"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET");
  r = api_.put(path("/roles/web/environments/_default"), Json::object());
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET");
  EXPECT_EQ(api_.get(path("/roles/web")).status, 200);
}

}  // namespace
