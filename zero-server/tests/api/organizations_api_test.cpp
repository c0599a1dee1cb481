// /organizations and /organizations/O over HTTP, and what a new org starts with.
// Expected shapes and messages: erchef oc_chef_wm_organizations /
// oc_chef_wm_named_organization / oc_chef_organization / oc_chef_wm_base (org_not_found),
// chef-zero organizations_endpoint / organization_endpoint / default_creator.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "api_test_support.hpp"
#include "proofbox/zero/api/actor_keys.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;
using zt::pair_matches;
namespace api = proofbox::zero::api;

bool is_guid(const Json& v) {
  return v.is_string() && std::regex_match(v.get<std::string>(), std::regex("[0-9a-f]{32}"));
}

class OrganizationsApiTest : public zt::ServerApiTest {
 protected:
  std::vector<std::string> orgs() { return server_.store().org_names(); }
};

TEST_F(OrganizationsApiTest, TheDefaultOrgIsListedAndSeeded) {
  EXPECT_EQ(api_.get("/organizations").json(), Json({{"chef", url("/organizations/chef")}}));
  auto chef = api_.get("/organizations/chef");
  ASSERT_EQ(chef.status, 200) << chef.body;
  EXPECT_EQ(chef.json()["name"], "chef");
  EXPECT_EQ(chef.json()["full_name"], "Default organization");
  EXPECT_TRUE(is_guid(chef.json()["guid"])) << chef.body;
  EXPECT_EQ(chef.json().size(), 3u);
  // One generated key: the validator's.
  auto keys = server_.store().org("chef")->find(api::client_keys_kind("chef-validator"));
  ASSERT_TRUE(keys);
  EXPECT_EQ(keys->names(), std::vector<std::string>({"default"}));
}

TEST_F(OrganizationsApiTest, CreateAnswersTheValidatorAndItsPrivateKey) {
  auto created = api_.post("/organizations", Json{{"name", "acme"}, {"full_name", "Acme Inc."}});
  ASSERT_EQ(created.status, 201) << created.body;
  Json body = created.json();
  EXPECT_EQ(body.size(), 3u) << body;
  EXPECT_EQ(body["uri"], url("/organizations/acme"));
  EXPECT_EQ(created.header("location"), url("/organizations/acme"));
  EXPECT_EQ(body["clientname"], "acme-validator");

  // The private key belongs to the validator's stored key.
  auto key = api_.get("/organizations/acme/clients/acme-validator/keys/default");
  ASSERT_EQ(key.status, 200) << key.body;
  EXPECT_TRUE(pair_matches(body["private_key"], key.json()["public_key"]));
  EXPECT_EQ(api::public_keys_for_actor(server_.store(), server_.store().org("acme").get(),
                                       "acme-validator"),
            std::vector<std::string>({key.json()["public_key"].get<std::string>()}));

  auto org = api_.get("/organizations/acme");
  ASSERT_EQ(org.status, 200);
  EXPECT_EQ(org.json()["name"], "acme");
  EXPECT_EQ(org.json()["full_name"], "Acme Inc.");
  EXPECT_TRUE(is_guid(org.json()["guid"]));
  EXPECT_NE(org.json()["guid"], api_.get("/organizations/chef").json()["guid"]);
  EXPECT_EQ(api_.get("/organizations").json(),
            Json({{"acme", url("/organizations/acme")}, {"chef", url("/organizations/chef")}}));
}

TEST_F(OrganizationsApiTest, ANewOrgAnswersWithItsOwnDefaultEnvironmentAndValidator) {
  ASSERT_EQ(api_.post("/organizations", Json{{"name", "acme"}, {"full_name", "Acme"}}).status, 201);
  auto clients = api_.get("/organizations/acme/clients");
  ASSERT_EQ(clients.status, 200);
  EXPECT_EQ(clients.json(),
            Json({{"acme-validator", url("/organizations/acme/clients/acme-validator")}}));
  auto validator = api_.get("/organizations/acme/clients/acme-validator");
  EXPECT_EQ(validator.json()["validator"], true);
  EXPECT_EQ(validator.json()["orgname"], "acme");

  auto env = api_.get("/organizations/acme/environments/_default");
  ASSERT_EQ(env.status, 200) << env.body;
  EXPECT_EQ(env.json(), Json({{"name", "_default"},
                              {"description", "The default Chef environment"},
                              {"cookbook_versions", Json::object()},
                              {"json_class", "Chef::Environment"},
                              {"chef_type", "environment"},
                              {"default_attributes", Json::object()},
                              {"override_attributes", Json::object()}}));
  auto envs = api_.get("/organizations/acme/environments");
  EXPECT_EQ(envs.json(), Json({{"_default", url("/organizations/acme/environments/_default")}}));

  // The new org's objects stay in it.
  ASSERT_EQ(api_.post("/organizations/acme/nodes", Json{{"name", "web1"}}).status, 201);
  EXPECT_EQ(api_.get("/nodes/web1").status, 404);
  EXPECT_EQ(api_.get("/organizations/acme/nodes/web1").status, 200);
  EXPECT_EQ(api_.get("/clients/acme-validator").status, 404);
}

TEST_F(OrganizationsApiTest, CreateRefusesBadBodiesAndCreatesNothing) {
  expect_error(api_.post("/organizations", Json{{"full_name", "Acme"}}), 400,
               "Field 'name' missing");
  expect_error(api_.post("/organizations", Json{{"name", "Acme"}, {"full_name", "Acme"}}), 400,
               "Field 'name' invalid");
  expect_error(api_.post("/organizations", Json{{"name", "-acme"}, {"full_name", "Acme"}}), 400,
               "Field 'name' invalid");
  expect_error(api_.post("/organizations", Json{{"name", 7}, {"full_name", "Acme"}}), 400,
               "Field 'name' invalid");
  expect_error(api_.post("/organizations", Json{{"name", "acme"}}), 400,
               "Field 'full_name' missing");
  expect_error(api_.post("/organizations", Json{{"name", "acme"}, {"full_name", " Acme"}}), 400,
               "Field 'full_name' invalid");
  expect_error(api_.post("/organizations", Json{{"name", "acme"}, {"full_name", ""}}), 400,
               "Field 'full_name' invalid");
  expect_error(api_.request("POST", "/organizations", "{\"name\":"), 400, "invalid JSON");
  expect_error(api_.request("POST", "/organizations", "[]"), 400,
               "Incorrect JSON type for request body");
  EXPECT_EQ(orgs(), std::vector<std::string>({"chef"}));
  EXPECT_EQ(server_.store().organizations().names(), std::vector<std::string>({"chef"}));
}

TEST_F(OrganizationsApiTest, DuplicateIs409) {
  ASSERT_EQ(api_.post("/organizations", Json{{"name", "acme"}, {"full_name", "Acme"}}).status, 201);
  const Json before = api_.get("/organizations/acme").json();
  auto again = api_.post("/organizations", Json{{"name", "acme"}, {"full_name", "Other"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json(), Json({{"error", "Organization already exists"}}));
  EXPECT_EQ(api_.get("/organizations/acme").json(), before);
  auto chef = api_.post("/organizations", Json{{"name", "chef"}, {"full_name", "Chef"}});
  EXPECT_EQ(chef.status, 409);
}

TEST_F(OrganizationsApiTest, PutChangesTheFullNameOnly) {
  ASSERT_EQ(api_.post("/organizations", Json{{"name", "acme"}, {"full_name", "Acme"}}).status, 201);
  const Json before = api_.get("/organizations/acme").json();
  auto put = api_.put("/organizations/acme", Json{{"name", "acme"}, {"full_name", "Acme Corp"}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json(),
            Json({{"name", "acme"}, {"full_name", "Acme Corp"}, {"guid", before["guid"]}}));
  EXPECT_EQ(api_.get("/organizations/acme").json()["full_name"], "Acme Corp");

  expect_error(api_.put("/organizations/acme", Json{{"name", "other"}, {"full_name", "X"}}), 400,
               "Field 'name' invalid");
  expect_error(api_.put("/organizations/acme", Json{{"full_name", "X"}}), 400,
               "Field 'name' missing");
  expect_error(api_.put("/organizations/acme", Json{{"name", "acme"}}), 400,
               "Field 'full_name' missing");
  EXPECT_EQ(api_.get("/organizations/acme").json()["full_name"], "Acme Corp");
  EXPECT_EQ(orgs(), std::vector<std::string>({"acme", "chef"}));
}

TEST_F(OrganizationsApiTest, UnknownOrgIs404Everywhere) {
  const std::string message = "organization 'nope' does not exist.";
  expect_error(api_.get("/organizations/nope"), 404, message);
  expect_error(api_.put("/organizations/nope", Json{{"name", "nope"}, {"full_name", "N"}}), 404,
               message);
  expect_error(api_.del("/organizations/nope"), 404, message);
  expect_error(api_.get("/organizations/nope/clients"), 404, message);
  expect_error(api_.get("/organizations/nope/principals/x"), 404, message);
  EXPECT_EQ(orgs(), std::vector<std::string>({"chef"}));
}

TEST_F(OrganizationsApiTest, DeleteAnswersTheOrgAndRemovesEverythingInIt) {
  ASSERT_EQ(api_.post("/organizations", Json{{"name", "acme"}, {"full_name", "Acme"}}).status, 201);
  server_.store()
      .collection("associations/acme")
      ->put("alice", proofbox::zero::store::make_document("{}"));
  const Json before = api_.get("/organizations/acme").json();
  auto deleted = api_.del("/organizations/acme");
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(deleted.json(), before);
  expect_error(api_.get("/organizations/acme"), 404, "organization 'acme' does not exist.");
  expect_error(api_.get("/organizations/acme/clients"), 404, "organization 'acme' does not exist.");
  EXPECT_EQ(orgs(), std::vector<std::string>({"chef"}));
  EXPECT_FALSE(server_.store().organizations().contains("acme"));
  EXPECT_FALSE(server_.store().find("associations/acme"));

  // The name can be used again, and the new org starts afresh.
  auto again = api_.post("/organizations", Json{{"name", "acme"}, {"full_name", "Acme 2"}});
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_NE(api_.get("/organizations/acme").json()["guid"], before["guid"]);
}

TEST_F(OrganizationsApiTest, AnOrgMadeInTheStoreDirectlyStillHasADocument) {
  server_.store().create_org("bare");
  auto got = api_.get("/organizations/bare");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json()["name"], "bare");
  EXPECT_EQ(got.json()["full_name"], "bare");
  EXPECT_TRUE(is_guid(got.json()["guid"]));
  EXPECT_EQ(got.json()["guid"], api_.get("/organizations/bare").json()["guid"]);
}

TEST_F(OrganizationsApiTest, UnsupportedMethodsAre405) {
  auto r = api_.request("DELETE", "/organizations");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, POST");
  auto named = api_.request("POST", "/organizations/chef", "{}");
  EXPECT_EQ(named.status, 405);
  EXPECT_EQ(named.header("allow"), "GET, PUT, DELETE");
}

}  // namespace
