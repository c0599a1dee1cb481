// Policy revision validation: rules and messages from erchef oc_chef_policy_revision and the
// pedant policies spec.
#include "proofbox/zero/model/policy.hpp"

#include <gtest/gtest.h>

#include <string>

#include "model_test_support.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;
using test_support::with;
using test_support::without;

Json minimal_policy() {
  return Json::parse(R"({
    "revision_id": "909c26701e291510eacdc6c06d626b9fa5350d25",
    "name": "some_policy_name",
    "run_list": ["recipe[policyfile_demo::default]"],
    "cookbook_locks": {
      "policyfile_demo": {"identifier": "f04cc40faf628253fe7d9566d66a1733fb1afbe9",
                          "version": "1.2.3"}
    }
  })");
}

Json with_lock(const Json& lock) {
  Json p = minimal_policy();
  p["cookbook_locks"]["edge_case"] = lock;
  return p;
}

void expect_invalid(const Json& body, const std::string& message,
                    const std::string& url_name = "some_policy_name") {
  expect_chef_error([&] { validate_policy_revision(body, url_name); }, 400, message);
}

TEST(PolicyRunList, OnlyFullyQualifiedRecipes) {
  EXPECT_TRUE(valid_policy_run_list_item("recipe[policyfile_demo::default]"));
  EXPECT_TRUE(valid_policy_run_list_item("recipe[a.b-c_d::x.y-z]"));
  EXPECT_FALSE(valid_policy_run_list_item("recipe[foo]"));
  EXPECT_FALSE(valid_policy_run_list_item("recipe["));
  EXPECT_FALSE(valid_policy_run_list_item("role[foo]"));
  EXPECT_FALSE(valid_policy_run_list_item("foo::bar"));
  EXPECT_FALSE(valid_policy_run_list_item("recipe[foo::bar@1.0.0]"));
  EXPECT_FALSE(valid_policy_run_list_item("recipe[::bar]"));
  EXPECT_FALSE(valid_policy_run_list_item("recipe[foo::]"));
  EXPECT_FALSE(valid_policy_run_list_item("recipe[foo::bar::baz]"));
  EXPECT_FALSE(valid_policy_run_list_item("recipe[foo::bar] "));
}

TEST(PolicyRevision, ValidBodiesPass) {
  EXPECT_NO_THROW(validate_policy_revision(minimal_policy(), "some_policy_name"));
  const std::string all_chars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqurstuvwxyz0123456789-_:.";
  EXPECT_NO_THROW(validate_policy_revision(with(minimal_policy(), "name", all_chars), all_chars));
  EXPECT_NO_THROW(validate_policy_revision(with(minimal_policy(), "revision_id", all_chars),
                                           "some_policy_name"));
  EXPECT_NO_THROW(validate_policy_revision(
      with(minimal_policy(), "revision_id", std::string(255, 'a')), "some_policy_name"));
  EXPECT_NO_THROW(validate_policy_revision(
      with_lock({{"identifier", std::string(255, 'a')}, {"version", "1.2.3"}}),
      "some_policy_name"));
  EXPECT_NO_THROW(validate_policy_revision(
      with_lock(
          {{"identifier", "abc"},
           {"version", "0.1.0"},
           {"dotted_decimal_identifier", "67638399371010690.23642238397896298.25512023620585"}}),
      "some_policy_name"));
  EXPECT_NO_THROW(validate_policy_revision(with(minimal_policy(), "run_list", Json::array()),
                                           "some_policy_name"));
}

TEST(PolicyRevision, RevisionIdRules) {
  expect_invalid(without(minimal_policy(), "revision_id"), "Field 'revision_id' missing");
  expect_invalid(with(minimal_policy(), "revision_id", ""), "Field 'revision_id' invalid");
  expect_invalid(with(minimal_policy(), "revision_id", std::string(256, 'f')),
                 "Field 'revision_id' invalid");
  for (const char* bad : {"invalid invalid", "invalid+invalid", "invalid!invalid"}) {
    expect_invalid(with(minimal_policy(), "revision_id", bad), "Field 'revision_id' invalid");
  }
  expect_invalid(with(minimal_policy(), "revision_id", 12), "Field 'revision_id' invalid");
}

TEST(PolicyRevision, NameRules) {
  expect_invalid(without(minimal_policy(), "name"), "Field 'name' missing");
  expect_invalid(with(minimal_policy(), "name", "monkeypants"),
                 "Field 'name' invalid : some_policy_name does not match monkeypants");
  const std::string long_name(256, 'z');
  expect_invalid(with(minimal_policy(), "name", long_name), "Field 'name' invalid", long_name);
  expect_invalid(with(minimal_policy(), "name", "invalid!invalid"), "Field 'name' invalid",
                 "invalid!invalid");
  expect_invalid(with(minimal_policy(), "name", nullptr), "Field 'name' invalid");
}

TEST(PolicyRevision, RunListRules) {
  expect_invalid(without(minimal_policy(), "run_list"), "Field 'run_list' missing");
  expect_invalid(with(minimal_policy(), "run_list", Json::object()),
                 "Field 'run_list' is not a valid run list");
  for (const Json& item : {Json(123), Json("recipe["), Json("role[foo]"), Json("recipe[foo]")}) {
    expect_invalid(with(minimal_policy(), "run_list", Json::array({item})),
                   "Field 'run_list' is not a valid run list");
  }
}

TEST(PolicyRevision, CookbookLockRules) {
  expect_invalid(without(minimal_policy(), "cookbook_locks"), "Field 'cookbook_locks' missing");
  expect_invalid(with(minimal_policy(), "cookbook_locks", Json::array()),
                 "Field 'cookbook_locks' invalid");
  expect_invalid(with_lock(Json::array()), "Invalid value '[]' for cookbook_locks");
  Json bad_key = minimal_policy();
  bad_key["cookbook_locks"]["bad:name"] = {{"identifier", "x"}, {"version", "1.0.0"}};
  expect_invalid(bad_key, "Invalid key 'bad:name' for cookbook_locks");
  expect_invalid(with_lock({{"dotted_decimal_identifier", "1.2.3"}}), "Field 'identifier' missing");
  expect_invalid(with_lock({{"identifier", std::string(256, 'a')}, {"version", "1.2.3"}}),
                 "Field 'identifier' invalid");
  expect_invalid(
      with_lock(
          {{"identifier", "123def"}, {"version", "1.2.3"}, {"dotted_decimal_identifier", "foo"}}),
      "Field 'dotted_decimal_identifier' is not a valid version");
  expect_invalid(with_lock({{"identifier", "123def"}}), "Field 'version' missing");
  expect_invalid(with_lock({{"identifier", "123def"}, {"version", "one"}}),
                 "Field 'version' is not a valid version");
}

TEST(PolicyRevision, FirstFailureInServerOrderWins) {
  Json body = minimal_policy();
  body.erase("run_list");
  body["revision_id"] = "";
  expect_invalid(body, "Field 'revision_id' invalid");
  expect_invalid(Json::array(), "Incorrect JSON type for request body");
  // The URL check comes after the body's own rules.
  expect_invalid(without(minimal_policy(), "cookbook_locks"), "Field 'cookbook_locks' missing",
                 "other");
}

TEST(PolicyRevision, StorageDropsPolicyGroupOnly) {
  Json body = with(minimal_policy(), "policy_group", "dev");
  body["extra"] = {{"kept", true}};
  Json stored = policy_revision_for_storage(body);
  EXPECT_FALSE(stored.contains("policy_group"));
  EXPECT_EQ(stored["extra"], Json({{"kept", true}}));
  EXPECT_EQ(stored, without(body, "policy_group"));
}

}  // namespace
}  // namespace proofbox::zero::model
