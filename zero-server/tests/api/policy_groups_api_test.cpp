// /policy_groups, /policy_groups/GROUP and /policy_groups/GROUP/policies/NAME over HTTP, with
// and without /organizations/chef, and how they tie to /policies. Expected shapes and
// messages: erchef oc_chef_wm_policy_groups, oc_chef_wm_named_policy_group,
// oc_chef_wm_policy_group_policy_rev, pedant policies specs.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

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

class PolicyGroupsApiTest : public zt::OrgFormsApiTest {
 protected:
  std::string assoc(const std::string& group, const std::string& name) const {
    return path("/policy_groups/" + group + "/policies/" + name);
  }
  zt::ApiResponse push(const std::string& group, const Json& p) {
    return api_.put(assoc(group, p["name"]), p);
  }
  Json group_entry(const std::string& group, const Json& policies) const {
    return Json{{"uri", url("/policy_groups/" + group)}, {"policies", policies}};
  }
  static std::string cannot_load(const std::string& name, const std::string& group) {
    return "Cannot load policy " + name + " in policy group " + group;
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, PolicyGroupsApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(PolicyGroupsApiTest, EmptyAndMissing) {
  auto list = api_.get(path("/policy_groups"));
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.json(), Json::object());
  zt::expect_error(api_.get(path("/policy_groups/example-policy-group")), 404,
                   "policy_group 'example-policy-group' not found");
  zt::expect_error(api_.del(path("/policy_groups/example-policy-group")), 404,
                   "policy_group 'example-policy-group' not found");
  zt::expect_error(api_.get(assoc("some_policy_group", "some_policy_name")), 404,
                   cannot_load("some_policy_name", "some_policy_group"));
  zt::expect_error(api_.del(assoc("some_policy_group", "some_policy_name")), 404,
                   cannot_load("some_policy_name", "some_policy_group"));
}

TEST_P(PolicyGroupsApiTest, PutCreatesGroupPolicyAndRevision) {
  const Json p = policy("some_policy_name");
  auto created = push("some_policy_group", p);
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), p);
  EXPECT_EQ(created.header("location"), url("/policies/some_policy_name"));

  auto got = api_.get(assoc("some_policy_group", "some_policy_name"));
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.json(), p);
  EXPECT_EQ(api_.get(path("/policies")).json(),
            Json({{"some_policy_name",
                   {{"uri", url("/policies/some_policy_name")},
                    {"revisions", {{kRev, Json::object()}}}}}}));
  EXPECT_EQ(api_.get(path("/policies/some_policy_name/revisions/" + kRev)).json(), p);
  const Json assigned{{"some_policy_name", {{"revision_id", kRev}}}};
  EXPECT_EQ(api_.get(path("/policy_groups")).json(),
            Json({{"some_policy_group", group_entry("some_policy_group", assigned)}}));
  EXPECT_EQ(api_.get(path("/policy_groups/some_policy_group")).json(),
            group_entry("some_policy_group", assigned));
}

TEST_P(PolicyGroupsApiTest, PutAgainUpdatesAssignmentWith200) {
  ASSERT_EQ(push("some_policy_group", policy("some_policy_name")).status, 201);
  const std::string next = "d4991d020462724edcf05f572e1d856cc5927803";
  const Json updated = policy("some_policy_name", next);
  auto r = push("some_policy_group", updated);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json(), updated);
  EXPECT_EQ(api_.get(assoc("some_policy_group", "some_policy_name")).json(), updated);
  // Both revisions exist; the group points at the new one.
  EXPECT_EQ(api_.get(path("/policies/some_policy_name")).json(),
            Json({{"revisions", {{kRev, Json::object()}, {next, Json::object()}}}}));
  EXPECT_EQ(api_.get(path("/policy_groups/some_policy_group")).json()["policies"],
            Json({{"some_policy_name", {{"revision_id", next}}}}));
}

TEST_P(PolicyGroupsApiTest, ExistingRevisionIsReusedNotOverwritten) {
  const Json original = policy("some_policy_name");
  ASSERT_EQ(api_.post(path("/policies/some_policy_name/revisions"), original).status, 201);
  Json different = original;
  different["run_list"] = {"recipe[other::default]"};
  auto r = push("prod", different);
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json(), different);
  EXPECT_EQ(api_.get(assoc("prod", "some_policy_name")).json(), original);
}

TEST_P(PolicyGroupsApiTest, ManyPoliciesAndGroups) {
  auto rev = [](char c) { return std::string(40, c); };
  ASSERT_EQ(push("dev", policy("appserver", rev('1'))).status, 201);
  ASSERT_EQ(push("dev", policy("db", rev('6'))).status, 201);
  ASSERT_EQ(push("test", policy("appserver", rev('2'))).status, 201);
  ASSERT_EQ(push("test", policy("db", rev('7'))).status, 201);
  ASSERT_EQ(push("prod", policy("appserver", rev('3'))).status, 201);
  Json groups = api_.get(path("/policy_groups")).json();
  EXPECT_EQ(groups["dev"], group_entry("dev", {{"appserver", {{"revision_id", rev('1')}}},
                                               {"db", {{"revision_id", rev('6')}}}}));
  EXPECT_EQ(groups["test"], group_entry("test", {{"appserver", {{"revision_id", rev('2')}}},
                                                 {"db", {{"revision_id", rev('7')}}}}));
  EXPECT_EQ(groups["prod"], group_entry("prod", {{"appserver", {{"revision_id", rev('3')}}}}));
  Json policies = api_.get(path("/policies")).json();
  EXPECT_EQ(
      policies["appserver"]["revisions"],
      Json({{rev('1'), Json::object()}, {rev('2'), Json::object()}, {rev('3'), Json::object()}}));
  EXPECT_EQ(policies["db"]["revisions"],
            Json({{rev('6'), Json::object()}, {rev('7'), Json::object()}}));
}

TEST_P(PolicyGroupsApiTest, DeleteAssignmentKeepsGroupAndRevision) {
  const Json p = policy("some_policy_name");
  ASSERT_EQ(push("some_policy_group", p).status, 201);
  auto deleted = api_.del(assoc("some_policy_group", "some_policy_name"));
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(deleted.json(), p);
  zt::expect_error(api_.get(assoc("some_policy_group", "some_policy_name")), 404,
                   cannot_load("some_policy_name", "some_policy_group"));
  zt::expect_error(api_.del(assoc("some_policy_group", "some_policy_name")), 404,
                   cannot_load("some_policy_name", "some_policy_group"));
  // The list shows an empty group without "policies"; the group itself shows it empty.
  EXPECT_EQ(api_.get(path("/policy_groups")).json(),
            Json({{"some_policy_group", {{"uri", url("/policy_groups/some_policy_group")}}}}));
  EXPECT_EQ(api_.get(path("/policy_groups/some_policy_group")).json(),
            group_entry("some_policy_group", Json::object()));
  EXPECT_EQ(api_.get(path("/policies")).json()["some_policy_name"]["revisions"],
            Json({{kRev, Json::object()}}));
}

TEST_P(PolicyGroupsApiTest, DeleteGroupAnswersAssignmentsAndRemovesThem) {
  ASSERT_EQ(push("example-policy-group", policy("some_policy_name")).status, 201);
  const Json body =
      group_entry("example-policy-group", {{"some_policy_name", {{"revision_id", kRev}}}});
  auto deleted = api_.del(path("/policy_groups/example-policy-group"));
  EXPECT_EQ(deleted.status, 200);
  EXPECT_EQ(deleted.json(), body);
  zt::expect_error(api_.get(assoc("example-policy-group", "some_policy_name")), 404,
                   cannot_load("some_policy_name", "example-policy-group"));
  zt::expect_error(api_.get(path("/policy_groups/example-policy-group")), 404,
                   "policy_group 'example-policy-group' not found");
  EXPECT_EQ(api_.get(path("/policy_groups")).json(), Json::object());
  EXPECT_EQ(api_.get(path("/policies/some_policy_name/revisions/" + kRev)).status, 200);
}

TEST_P(PolicyGroupsApiTest, DeletingPolicyOrRevisionUnassignsIt) {
  ASSERT_EQ(push("dev", policy("appserver")).status, 201);
  ASSERT_EQ(push("dev", policy("db")).status, 201);
  ASSERT_EQ(push("prod", policy("db")).status, 201);
  ASSERT_EQ(api_.del(path("/policies/appserver")).status, 200);
  zt::expect_error(api_.get(assoc("dev", "appserver")), 404, cannot_load("appserver", "dev"));
  ASSERT_EQ(api_.del(path("/policies/db/revisions/" + kRev)).status, 200);
  zt::expect_error(api_.get(assoc("prod", "db")), 404, cannot_load("db", "prod"));
  EXPECT_EQ(api_.get(path("/policy_groups/dev")).json(), group_entry("dev", Json::object()));
  EXPECT_EQ(api_.get(path("/policy_groups/prod")).json(), group_entry("prod", Json::object()));
}

TEST_P(PolicyGroupsApiTest, NameEdgeCasesAreAccepted) {
  const std::string all_chars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqurstuvwxyz0123456789-_:.";
  EXPECT_EQ(push("some_policy_group", policy(all_chars)).status, 201);
  EXPECT_EQ(push("some_policy_group", policy(std::string(250, 'a'))).status, 201);
  EXPECT_EQ(push("g2", policy("some_policy_name", std::string(255, 'a'))).status, 201);
  EXPECT_EQ(push("g3", policy("some_policy_name", all_chars)).status, 201);
  Json lock_edge = policy("other");
  lock_edge["cookbook_locks"]["edge_case"] = {{"identifier", std::string(255, 'a')},
                                              {"version", "1.2.3"}};
  EXPECT_EQ(push("g4", lock_edge).status, 201);
  EXPECT_EQ(api_.get(assoc("some_policy_group", all_chars)).json(), policy(all_chars));
}

TEST_P(PolicyGroupsApiTest, InvalidBodiesAre400AndCreateNothing) {
  const std::string at = assoc("some_policy_group", "some_policy_name");
  Json p = policy("some_policy_name");
  p.erase("run_list");
  zt::expect_error(api_.put(at, p), 400, "Field 'run_list' missing");
  zt::expect_error(api_.put(at, policy("monkeypants")), 400,
                   "Field 'name' invalid : some_policy_name does not match monkeypants");
  zt::expect_error(api_.put(at, policy("some_policy_name", "")), 400,
                   "Field 'revision_id' invalid");
  const std::string long_name(256, 'z');
  zt::expect_error(api_.put(assoc("some_policy_group", long_name), policy(long_name)), 400,
                   "Field 'name' invalid");
  zt::expect_error(
      api_.put(assoc("some_policy_group", "invalid%20invalid"), policy("invalid invalid")), 400,
      "Field 'name' invalid");
  p = policy("some_policy_name");
  p["cookbook_locks"] = Json::array();
  zt::expect_error(api_.put(at, p), 400, "Field 'cookbook_locks' invalid");
  p = policy("some_policy_name");
  p["cookbook_locks"]["invalid_member"] = Json::array();
  EXPECT_EQ(api_.put(at, p).status, 400);
  p = policy("some_policy_name");
  p["cookbook_locks"]["invalid_member"] = {{"dotted_decimal_identifier", "1.2.3"}};
  zt::expect_error(api_.put(at, p), 400, "Field 'identifier' missing");
  EXPECT_EQ(api_.get(path("/policy_groups")).json(), Json::object());
  EXPECT_EQ(api_.get(path("/policies")).json(), Json::object());
}

// Assignments to one group from many connections at once all land (each PUT rewrites the
// group's document, so a lost update would drop a policy).
TEST_P(PolicyGroupsApiTest, ConcurrentAssignmentsToOneGroupAllLand) {
  constexpr int kPolicies = 8;
  std::atomic<int> created{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kPolicies; ++i) {
    threads.emplace_back([&, i] {
      zt::ApiClient client(server_.url());
      const std::string name = "p" + std::to_string(i);
      if (client.put(assoc("shared", name), policy(name)).status == 201) ++created;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(created.load(), kPolicies);
  Json policies = api_.get(path("/policy_groups/shared")).json()["policies"];
  EXPECT_EQ(policies.size(), static_cast<std::size_t>(kPolicies));
  EXPECT_EQ(api_.get(path("/policies")).json().size(), static_cast<std::size_t>(kPolicies));
}

}  // namespace
