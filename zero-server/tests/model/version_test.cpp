#include "proofbox/zero/model/version.hpp"

#include <gtest/gtest.h>

#include <type_traits>

#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::model {
namespace {

TEST(Version, ParsesTwoAndThreeParts) {
  int parts = 0;
  auto v = parse_version("1.2", &parts);
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, (Version{1, 2, 0}));
  EXPECT_EQ(parts, 2);
  v = parse_version("10.20.30", &parts);
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, (Version{10, 20, 30}));
  EXPECT_EQ(parts, 3);
  EXPECT_EQ(parse_version("1.0"), parse_version("1.0.0"));
  EXPECT_EQ(*parse_version("01.002.0003"), (Version{1, 2, 3}));
}

TEST(Version, RejectsMalformed) {
  for (const char* bad : {"", "1", "1.", ".1", "1..2", "1.0.0.0", "1.0rc1", "1.a.b", "1,0,0",
                          "1.-2.3", "+1.2", " 1.2", "1.2 ", "v1.2", "1.2.3-beta"}) {
    EXPECT_FALSE(valid_version(bad)) << bad;
  }
}

TEST(Version, PartsFitTheServersBigint) {
  EXPECT_TRUE(valid_version("1.2.20130730201745"));
  EXPECT_TRUE(valid_version("1.2.2147483669"));
  EXPECT_TRUE(valid_version("1.2.9223372036854775807"));
  EXPECT_FALSE(valid_version("1.2.9223372036854775808"));
  EXPECT_FALSE(valid_version("1.2.9223372036854775849"));
  EXPECT_FALSE(valid_version("1.2.99999999999999999999999"));
}

TEST(Version, Compares) {
  EXPECT_LT(*parse_version("1.2.3"), *parse_version("1.2.10"));
  EXPECT_LT(*parse_version("1.9"), *parse_version("1.10"));
  EXPECT_LT(*parse_version("1.99.99"), *parse_version("2.0"));
  EXPECT_EQ(*parse_version("2.0"), *parse_version("2.0.0"));
  EXPECT_GT(*parse_version("0.0.1"), *parse_version("0.0"));
  static_assert(std::is_trivially_copyable_v<Version>);
  static_assert(std::is_trivially_copyable_v<Constraint>);
}

TEST(Version, ToString) {
  EXPECT_EQ(to_string(*parse_version("1.2")), "1.2.0");
  EXPECT_EQ(to_string(Version{3, 0, 11}), "3.0.11");
}

TEST(Version, RequireVersion) {
  EXPECT_EQ(require_version("1.0"), (Version{1, 0, 0}));
  try {
    require_version("1.0.a");
    FAIL();
  } catch (const ChefError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_STREQ(e.what(), "Invalid cookbook version");
  }
}

TEST(Constraint, ParsesEveryOperator) {
  struct Case {
    const char* text;
    ConstraintOp op;
    Version v;
    bool has_patch;
  };
  for (const Case& c : {Case{"= 1.2.3", ConstraintOp::eq, {1, 2, 3}, true},
                        Case{"1.2.3", ConstraintOp::eq, {1, 2, 3}, true},
                        Case{"1.2", ConstraintOp::eq, {1, 2, 0}, false},
                        Case{">= 1.0", ConstraintOp::ge, {1, 0, 0}, false},
                        Case{"> 1.0.0", ConstraintOp::gt, {1, 0, 0}, true},
                        Case{"< 2.0.0", ConstraintOp::lt, {2, 0, 0}, true},
                        Case{"<= 1.0", ConstraintOp::le, {1, 0, 0}, false},
                        Case{"~> 1.2", ConstraintOp::pessimistic, {1, 2, 0}, false},
                        Case{"~> 1.2.3", ConstraintOp::pessimistic, {1, 2, 3}, true}}) {
    auto parsed = parse_constraint(c.text);
    ASSERT_TRUE(parsed) << c.text;
    EXPECT_EQ(parsed->op, c.op) << c.text;
    EXPECT_EQ(parsed->version, c.v) << c.text;
    EXPECT_EQ(parsed->has_patch, c.has_patch) << c.text;
  }
}

TEST(Constraint, ServerSyntaxIsStrict) {
  // The environment cookbook_versions cases of the server's own test-suite.
  for (const char* bad :
       {">= 1.0.0.0", ">= 1,0,0", ">= 1.a.b", ">= 1.0rc1", ">=1.0.0", " >= 1.0.0", ">=  1.0.0", "",
        "not a constraint", ">= 1.-2.3", ">= 1.2.9223372036854775849", "> 1", "<= 1", "~> 1",
        "=> 1.0", "== 1.0", "!= 1.0", ">= 1.0 ", "~>1.2"}) {
    EXPECT_FALSE(valid_constraint(bad)) << bad;
  }
  for (const char* good : {">= 1.0.0", ">= 1.0", "<= 1.0.0", "> 1.0.0", "< 1.0.0", "= 1.0.0",
                           "~> 1.0.0", "1.0.0", ">= 1.2.20130730201745", ">= 1.2.2147483669"}) {
    EXPECT_TRUE(valid_constraint(good)) << good;
  }
}

TEST(Constraint, ChefClientSyntaxAllowsAnySpacing) {
  EXPECT_TRUE(valid_constraint(">=1.0", ConstraintSyntax::chef_client));
  EXPECT_TRUE(valid_constraint("~>   2.1", ConstraintSyntax::chef_client));
  EXPECT_TRUE(valid_constraint("= 1.0", ConstraintSyntax::chef_client));
  EXPECT_FALSE(valid_constraint(" >= 1.0", ConstraintSyntax::chef_client));
  EXPECT_FALSE(valid_constraint(">= 1", ConstraintSyntax::chef_client));
  EXPECT_EQ(parse_constraint(">=1.0", ConstraintSyntax::chef_client), parse_constraint(">= 1.0"));
}

TEST(Constraint, Satisfies) {
  auto v = [](const char* s) { return *parse_version(s); };
  auto c = [](const char* s) { return *parse_constraint(s); };
  EXPECT_TRUE(satisfies(v("1.2.3"), c("= 1.2.3")));
  EXPECT_FALSE(satisfies(v("1.2.4"), c("= 1.2.3")));
  EXPECT_TRUE(satisfies(v("1.2.0"), c("= 1.2")));
  EXPECT_TRUE(satisfies(v("1.0.0"), c(">= 1.0")));
  EXPECT_FALSE(satisfies(v("0.9.9"), c(">= 1.0")));
  EXPECT_TRUE(satisfies(v("1.0.1"), c("> 1.0.0")));
  EXPECT_FALSE(satisfies(v("1.0.0"), c("> 1.0.0")));
  EXPECT_TRUE(satisfies(v("2.9.9"), c("< 3.0.0")));
  EXPECT_FALSE(satisfies(v("3.0.0"), c("< 3.0.0")));
  EXPECT_TRUE(satisfies(v("1.0.0"), c("<= 1.0")));
  EXPECT_FALSE(satisfies(v("1.0.1"), c("<= 1.0")));
  EXPECT_TRUE(satisfies(v("0.0.0"), kAnyVersion));
}

TEST(Constraint, PessimisticWithTwoParts) {
  const Constraint c = *parse_constraint("~> 1.2");
  EXPECT_TRUE(c.satisfied_by(Version{1, 2, 0}));
  EXPECT_TRUE(c.satisfied_by(Version{1, 2, 99}));
  EXPECT_TRUE(c.satisfied_by(Version{1, 9, 0}));
  EXPECT_TRUE(c.satisfied_by(Version{1, 99, 5}));
  EXPECT_FALSE(c.satisfied_by(Version{2, 0, 0}));
  EXPECT_FALSE(c.satisfied_by(Version{1, 1, 9}));
  EXPECT_FALSE(c.satisfied_by(Version{0, 9, 0}));
}

TEST(Constraint, PessimisticWithThreeParts) {
  const Constraint c = *parse_constraint("~> 1.2.3");
  EXPECT_TRUE(c.satisfied_by(Version{1, 2, 3}));
  EXPECT_TRUE(c.satisfied_by(Version{1, 2, 9}));
  EXPECT_FALSE(c.satisfied_by(Version{1, 3, 0}));
  EXPECT_FALSE(c.satisfied_by(Version{1, 2, 2}));
  EXPECT_FALSE(c.satisfied_by(Version{2, 0, 0}));
  // "~> 1.2.0" is not "~> 1.2": the written patch level narrows it.
  EXPECT_FALSE(parse_constraint("~> 1.2.0")->satisfied_by(Version{1, 3, 0}));
  EXPECT_TRUE(parse_constraint("~> 1.2")->satisfied_by(Version{1, 3, 0}));
  // "~> 0.0" allows any 0.x.
  EXPECT_TRUE(parse_constraint("~> 0.0")->satisfied_by(Version{0, 7, 1}));
}

TEST(Constraint, StringSatisfies) {
  EXPECT_TRUE(satisfies("1.9", "~> 1.2"));
  EXPECT_FALSE(satisfies("2.0", "~> 1.2"));
  EXPECT_FALSE(satisfies("not", "~> 1.2"));
  EXPECT_FALSE(satisfies("1.9", "~>1.2"));
  EXPECT_TRUE(satisfies("1.9", "~>1.2", ConstraintSyntax::chef_client));
}

TEST(Constraint, ToString) {
  EXPECT_EQ(to_string(*parse_constraint("1.2.3")), "= 1.2.3");
  EXPECT_EQ(to_string(*parse_constraint("~> 1.2")), "~> 1.2");
  EXPECT_EQ(to_string(*parse_constraint(">= 1.0.0")), ">= 1.0.0");
  EXPECT_EQ(to_string(*parse_constraint(">=1.0", ConstraintSyntax::chef_client)), ">= 1.0");
  EXPECT_EQ(to_string(ConstraintOp::le), "<=");
}

}  // namespace
}  // namespace proofbox::zero::model
