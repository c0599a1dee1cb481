#include "proofbox/zero/model/names.hpp"

#include <gtest/gtest.h>

#include <string>

#include "model_test_support.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;

TEST(Names, NodeNamesAllowColonAndDot) {
  EXPECT_TRUE(valid_name(NameKind::node, "pedant_node"));
  EXPECT_TRUE(valid_name(NameKind::node, "PEDANT_NODE"));
  EXPECT_TRUE(valid_name(NameKind::node,
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqurstuvwxyz0123456789-_:"));
  EXPECT_TRUE(valid_name(NameKind::node, "web01.example.com"));
  EXPECT_FALSE(valid_name(NameKind::node, "node@127.0.0.1"));
  EXPECT_FALSE(valid_name(NameKind::node, ""));
  EXPECT_FALSE(valid_name(NameKind::node, "a b"));
  EXPECT_FALSE(valid_name(NameKind::node, "a/b"));
  EXPECT_FALSE(valid_name(NameKind::node, "\xe5\xa4\xa7"));  // non-ASCII
}

TEST(Names, EnvironmentCookbookAndClientNamesRejectColon) {
  for (NameKind k : {NameKind::environment, NameKind::cookbook, NameKind::client}) {
    EXPECT_TRUE(valid_name(k, "prod-1.x_y"));
    EXPECT_FALSE(valid_name(k, "pedant:no_colon"));
    EXPECT_FALSE(valid_name(k, "abc!123"));
  }
}

TEST(Names, DataBagsRolesKeysAllowColon) {
  for (NameKind k : {NameKind::data_bag, NameKind::data_bag_item, NameKind::role, NameKind::key}) {
    EXPECT_TRUE(valid_name(k, "a:b.c-d_e"));
    EXPECT_FALSE(valid_name(k, "this+ is bad!!!"));
  }
}

TEST(Names, UsersAreLowerCaseWithoutDots) {
  EXPECT_TRUE(valid_name(NameKind::user, "jane_doe-2"));
  EXPECT_FALSE(valid_name(NameKind::user, "Jane"));
  EXPECT_FALSE(valid_name(NameKind::user, "jane.doe"));
  EXPECT_FALSE(valid_name(NameKind::user, "jane:doe"));
}

TEST(Names, PolicyNamesAreLimitedTo255) {
  EXPECT_TRUE(valid_name(NameKind::policy, std::string(255, 'd')));
  EXPECT_FALSE(valid_name(NameKind::policy, std::string(256, 'F')));
  EXPECT_FALSE(valid_name(NameKind::policy_group, "invalid-char+"));
  EXPECT_EQ(max_name_length(NameKind::policy), 255u);
  EXPECT_EQ(max_name_length(NameKind::node), 0u);
  // No length limit on node names (text columns on the server).
  EXPECT_TRUE(valid_name(NameKind::node, std::string(4096, 'n')));
}

TEST(Names, OrganizationNames) {
  EXPECT_TRUE(valid_name(NameKind::organization, "acme"));
  EXPECT_TRUE(valid_name(NameKind::organization, "0acme_corp-1"));
  EXPECT_FALSE(valid_name(NameKind::organization, "_acme"));
  EXPECT_FALSE(valid_name(NameKind::organization, "-acme"));
  EXPECT_FALSE(valid_name(NameKind::organization, "Acme"));
  EXPECT_TRUE(valid_name(NameKind::organization, std::string(255, 'a')));
  EXPECT_FALSE(valid_name(NameKind::organization, std::string(256, 'a')));
}

TEST(Names, RequireValidNameMessages) {
  EXPECT_NO_THROW(require_valid_name(NameKind::node, "ok"));
  expect_chef_error([] { require_valid_name(NameKind::node, "bad name"); }, 400,
                    "Field 'name' invalid");
  expect_chef_error([] { require_valid_name(NameKind::data_bag_item, "x y", "id"); }, 400,
                    "Field 'id' invalid");
  expect_chef_error([] { require_valid_name(NameKind::client, "pedant$testing$client"); }, 400,
                    "Invalid client name 'pedant$testing$client' using regex: 'Malformed client "
                    "name.  Must be A-Z, a-z, 0-9, _, -, or .'.");
}

TEST(Names, RuleMessages) {
  EXPECT_EQ(name_rule_message(NameKind::node),
            "Malformed node name.  Must only contain A-Z, a-z, 0-9, _, :, ., or -");
  EXPECT_EQ(name_rule_message(NameKind::user),
            "Malformed user name. Must only contain a-z, 0-9, _, or -");
}

}  // namespace
}  // namespace proofbox::zero::model
