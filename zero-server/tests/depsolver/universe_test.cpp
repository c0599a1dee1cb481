#include "proofbox/zero/depsolver/universe.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace proofbox::zero::depsolver {
namespace {

TEST(Universe, SortsVersionsAscendingAndGivesIdsInNameOrder) {
  Universe u = UniverseBuilder()
                   .add("zeta", "2.0.0")
                   .add("alpha", "1.10.0")
                   .add("alpha", "1.2.0")
                   .add("alpha", "1.9")
                   .build();
  ASSERT_EQ(u.cookbook_count(), 2U);
  EXPECT_EQ(u.version_count(), 4U);
  EXPECT_EQ(*u.find("alpha"), 0U);
  EXPECT_EQ(*u.find("zeta"), 1U);
  const auto a = *u.find("alpha");
  ASSERT_EQ(u.cookbook(a).version_count, 3U);
  EXPECT_EQ(u.version(a, 0).version, (Version{1, 2, 0}));
  EXPECT_EQ(u.version(a, 1).version, (Version{1, 9, 0}));
  EXPECT_EQ(u.version(a, 2).version, (Version{1, 10, 0}));
  EXPECT_EQ(u.index_of(a, Version{1, 9, 0}), 1U);
  EXPECT_FALSE(u.index_of(a, Version{1, 9, 1}));
}

TEST(Universe, AddingAVersionAgainReplacesItsDependencies) {
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0", {{"b", ">= 1.0"}})
                   .add("a", "1.0.0", {{"c", "= 2.0.0"}})
                   .add("c", "2.0.0")
                   .build();
  const auto a = *u.find("a");
  ASSERT_EQ(u.cookbook(a).version_count, 1U);
  auto [e, end] = u.edges(a, 0);
  ASSERT_EQ(end - e, 1);
  EXPECT_EQ(u.cookbook(e->target).name, "c");
  EXPECT_FALSE(u.find("b"));
}

TEST(Universe, DependencyTargetsTheOrgDoesNotHoldHaveNoVersions) {
  Universe u = UniverseBuilder().add("a", "1.0.0", {{"ghost", ">= 0.0.0"}}).build();
  auto ghost = u.find("ghost");
  ASSERT_TRUE(ghost);
  EXPECT_EQ(u.cookbook(*ghost).version_count, 0U);
  EXPECT_FALSE(u.holds("ghost"));
  EXPECT_TRUE(u.holds("a"));
  EXPECT_FALSE(u.holds("nothing"));
  auto [e, end] = u.edges(*u.find("a"), 0);
  ASSERT_EQ(end - e, 1);
  EXPECT_TRUE(e->matching.empty());
}

TEST(Universe, EdgesKnowTheRangeOfMatchingVersions) {
  UniverseBuilder b;
  for (const char* v : {"1.0.0", "1.1.0", "1.2.0", "1.2.5", "1.3.0", "2.0.0", "2.1.0"}) {
    b.add("lib", v);
  }
  b.add("app", "1.0.0", {{"lib", "~> 1.2"}});    // >= 1.2.0, < 2.0: indices 2..4
  b.add("app", "2.0.0", {{"lib", "~> 1.2.0"}});  // >= 1.2.0, < 1.3: indices 2..3
  b.add("app", "3.0.0", {{"lib", "< 1.1"}});
  b.add("app", "4.0.0", {{"lib", "> 2.1.0"}});
  Universe u = b.build();
  const auto app = *u.find("app");
  EXPECT_EQ(u.edges(app, 0).first->matching, (VersionRange{2, 5}));
  EXPECT_EQ(u.edges(app, 1).first->matching, (VersionRange{2, 4}));
  EXPECT_EQ(u.edges(app, 2).first->matching, (VersionRange{0, 1}));
  EXPECT_TRUE(u.edges(app, 3).first->matching.empty());
  const auto lib = *u.find("lib");
  EXPECT_EQ(u.matching(lib, *model::parse_constraint("= 1.2.5")), (VersionRange{3, 4}));
  EXPECT_EQ(u.matching(lib, *model::parse_constraint(">= 1.3")), (VersionRange{4, 7}));
}

TEST(Universe, ConvenienceAddRejectsMalformedInput) {
  UniverseBuilder b;
  EXPECT_THROW(b.add("a", "1"), std::invalid_argument);
  EXPECT_THROW(b.add("a", "1.0.0", {{"b", "about 1.0"}}), std::invalid_argument);
}

}  // namespace
}  // namespace proofbox::zero::depsolver
