// /policies, /policies/NAME, /policies/NAME/revisions and /policies/NAME/revisions/ID over
// HTTP, with and without /organizations/chef. Expected shapes and messages: erchef
// oc_chef_wm_policies, oc_chef_wm_named_policy[_revisions|_named_revision], pedant policies
// specs.
#include <gtest/gtest.h>

#include <string>

#include "api_test_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

const std::string kRev = "909c26701e291510eacdc6c06d626b9fa5350d25";

Json policy(const std::string& name, const std::string& revision = kRev) {
  return Json{
      {"revision_id", revision},
      {"name", name},
      {"run_list", {"recipe[policyfile_demo::default]"}},
      {"cookbook_locks",
       {{"policyfile_demo",
         {{"identifier", "f04cc40faf628253fe7d9566d66a1733fb1afbe9"}, {"version", "1.2.3"}}}}}};
}

class PoliciesApiTest : public zt::OrgFormsApiTest {
 protected:
  void post_revision(const Json& p) {
    auto r = api_.post(path("/policies/" + p["name"].get<std::string>() + "/revisions"), p);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  std::string not_found(const std::string& rest) const { return "Object not found: " + url(rest); }
};

INSTANTIATE_TEST_SUITE_P(Forms, PoliciesApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(PoliciesApiTest, EmptyListAndMissingPolicy) {
  auto list = api_.get(path("/policies"));
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.json(), Json::object());
  zt::expect_error(api_.get(path("/policies/example-policy")), 404,
                   not_found("/policies/example-policy"));
  zt::expect_error(api_.del(path("/policies/example-policy")), 404,
                   not_found("/policies/example-policy"));
  const std::string rev = "/policies/example-policy/revisions/" + kRev;
  zt::expect_error(api_.get(path(rev)), 404, not_found(rev));
  zt::expect_error(api_.del(path(rev)), 404, not_found(rev));
}

TEST_P(PoliciesApiTest, PostCreatesPolicyAndRevision) {
  const Json p = policy("example-policy");
  auto created = api_.post(path("/policies/example-policy/revisions"), p);
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), p);
  EXPECT_EQ(created.header("location"), url("/policies/example-policy"));

  auto named = api_.get(path("/policies/example-policy"));
  EXPECT_EQ(named.status, 200);
  EXPECT_EQ(named.json(), Json({{"revisions", {{kRev, Json::object()}}}}));
  auto rev = api_.get(path("/policies/example-policy/revisions/" + kRev));
  EXPECT_EQ(rev.status, 200);
  EXPECT_EQ(rev.json(), p);

  const std::string other(40, '1');
  post_revision(policy("example-policy", other));
  EXPECT_EQ(api_.get(path("/policies")).json(),
            Json({{"example-policy",
                   {{"uri", url("/policies/example-policy")},
                    {"revisions", {{kRev, Json::object()}, {other, Json::object()}}}}}}));
}

TEST_P(PoliciesApiTest, PolicyGroupFieldIsNotStored) {
  Json sent = policy("example-policy");
  sent["policy_group"] = "dev";
  auto created = api_.post(path("/policies/example-policy/revisions"), sent);
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), sent);
  EXPECT_EQ(api_.get(path("/policies/example-policy/revisions/" + kRev)).json(),
            policy("example-policy"));
}

TEST_P(PoliciesApiTest, ExistingRevisionIsConflict) {
  post_revision(policy("example-policy"));
  Json changed = policy("example-policy");
  changed["run_list"] = {"recipe[other::default]"};
  zt::expect_error(api_.post(path("/policies/example-policy/revisions"), changed), 409,
                   "Policy 'example-policy' with revision_id '" + kRev + "' already exists.");
  EXPECT_EQ(api_.get(path("/policies/example-policy/revisions/" + kRev)).json(),
            policy("example-policy"));
}

TEST_P(PoliciesApiTest, InvalidRevisionsAre400AndCreateNothing) {
  const std::string at = path("/policies/some_policy_name/revisions");
  zt::expect_error(api_.post(at, policy("example-policy")), 400,
                   "Field 'name' invalid : some_policy_name does not match example-policy");
  Json p = policy("some_policy_name");
  p.erase("revision_id");
  zt::expect_error(api_.post(at, p), 400, "Field 'revision_id' missing");
  zt::expect_error(api_.post(at, policy("some_policy_name", "invalid+invalid")), 400,
                   "Field 'revision_id' invalid");
  zt::expect_error(api_.post(at, policy("some_policy_name", std::string(256, 'f'))), 400,
                   "Field 'revision_id' invalid");
  p = policy("some_policy_name");
  p["run_list"] = {"role[foo]"};
  zt::expect_error(api_.post(at, p), 400, "Field 'run_list' is not a valid run list");
  p = policy("some_policy_name");
  p["cookbook_locks"]["invalid_member"] = {
      {"identifier", "123def"}, {"version", "1.2.3"}, {"dotted_decimal_identifier", "foo"}};
  zt::expect_error(api_.post(at, p), 400,
                   "Field 'dotted_decimal_identifier' is not a valid version");
  zt::expect_error(api_.request("POST", at, "{"), 400, "invalid JSON");
  zt::expect_error(api_.request("POST", at, "\"x\""), 400, "Incorrect JSON type for request body");
  EXPECT_EQ(api_.get(path("/policies")).json(), Json::object());
  zt::expect_error(api_.get(path("/policies/some_policy_name")), 404,
                   not_found("/policies/some_policy_name"));
}

TEST_P(PoliciesApiTest, DeleteRevisionKeepsPolicy) {
  post_revision(policy("example-policy"));
  const std::string rev = "/policies/example-policy/revisions/" + kRev;
  auto deleted = api_.del(path(rev));
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(deleted.json(), policy("example-policy"));
  zt::expect_error(api_.get(path(rev)), 404, not_found(rev));
  zt::expect_error(api_.del(path(rev)), 404, not_found(rev));
  // The policy stays, with no revisions; the list (built from revisions) leaves it out.
  EXPECT_EQ(api_.get(path("/policies/example-policy")).json(),
            Json({{"revisions", Json::object()}}));
  EXPECT_EQ(api_.get(path("/policies")).json(), Json::object());
  // The same revision can be posted again.
  post_revision(policy("example-policy"));
  EXPECT_EQ(api_.get(path(rev)).status, 200);
}

TEST_P(PoliciesApiTest, DeletePolicyAnswersRevisionsAndRemovesAll) {
  post_revision(policy("example-policy"));
  const std::string other(40, '1');
  post_revision(policy("example-policy", other));
  post_revision(policy("db"));
  auto deleted = api_.del(path("/policies/example-policy"));
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(deleted.json(),
            Json({{"revisions", {{kRev, Json::object()}, {other, Json::object()}}}}));
  zt::expect_error(api_.get(path("/policies/example-policy")), 404,
                   not_found("/policies/example-policy"));
  const std::string rev = "/policies/example-policy/revisions/" + kRev;
  zt::expect_error(api_.get(path(rev)), 404, not_found(rev));
  EXPECT_EQ(
      api_.get(path("/policies")).json(),
      Json({{"db", {{"uri", url("/policies/db")}, {"revisions", {{kRev, Json::object()}}}}}}));
}

}  // namespace
