#include "proofbox/zero/depsolver/solve.hpp"

#include <gtest/gtest.h>

#include "depsolver_test_support.hpp"

namespace proofbox::zero::depsolver {
namespace {

using testing::failed;
using testing::request;
using testing::solved;
using Map = std::map<std::string, std::string>;

TEST(Solve, EmptyRunListSolvesToNothing) {
  Universe u = UniverseBuilder().add("a", "1.0.0").build();
  EXPECT_TRUE(solved(solve(u, request({}))).empty());
}

TEST(Solve, PicksTheNewestVersion) {
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0")
                   .add("a", "1.10.0")
                   .add("a", "1.9.0")
                   .add("unrelated", "1.0.0")
                   .build();
  EXPECT_EQ(solved(solve(u, request({"a"}))), (Map{{"a", "1.10.0"}}));
}

TEST(Solve, EveryRecipeFormNamesItsCookbook) {
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0")
                   .add("b", "1.0.0")
                   .add("c", "1.0.0")
                   .add("d", "1.0.0")
                   .build();
  EXPECT_EQ(solved(solve(u, request({"recipe[a]", "recipe[b::x]", "c", "d::y"}))),
            (Map{{"a", "1.0.0"}, {"b", "1.0.0"}, {"c", "1.0.0"}, {"d", "1.0.0"}}));
}

TEST(Solve, EnvironmentPinsLimitTheVersions) {
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0")
                   .add("a", "1.5.0")
                   .add("a", "2.0.0")
                   .add("b", "0.9.0")
                   .add("b", "1.0.0")
                   .build();
  EXPECT_EQ(solved(solve(u, request({"a", "b"}, {{"a", "~> 1.0"}, {"b", "< 1.0.0"}}))),
            (Map{{"a", "1.5.0"}, {"b", "0.9.0"}}));
  // A pin on a cookbook nobody asks for changes nothing.
  EXPECT_EQ(solved(solve(u, request({"b"}, {{"zzz", "= 1.0.0"}}))), (Map{{"b", "1.0.0"}}));
}

TEST(Solve, RunListPinsChooseTheExactVersion) {
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0", {{"b", "= 1.0.0"}})
                   .add("a", "1.2.0", {{"b", "= 2.0.0"}})
                   .add("a", "2.0.0")
                   .add("b", "1.0.0")
                   .add("b", "2.0.0")
                   .build();
  EXPECT_EQ(solved(solve(u, request({"a@1.2"}))), (Map{{"a", "1.2.0"}, {"b", "2.0.0"}}));
  EXPECT_EQ(solved(solve(u, request({"recipe[a::default@1.0.0]"}))),
            (Map{{"a", "1.0.0"}, {"b", "1.0.0"}}));
}

TEST(Solve, FollowsTransitiveConstraints) {
  Universe u = UniverseBuilder()
                   .add("app", "1.0.0", {{"web", "~> 2.0"}})
                   .add("web", "2.0.0", {{"ssl", ">= 1.1"}})
                   .add("web", "2.4.0", {{"ssl", ">= 1.2"}, {"log", "< 3.0"}})
                   .add("web", "3.0.0", {{"ssl", ">= 9.0"}})
                   .add("ssl", "1.1.0")
                   .add("ssl", "1.2.0")
                   .add("ssl", "1.3.0")
                   .add("log", "2.9.0")
                   .add("log", "3.0.0")
                   .build();
  EXPECT_EQ(solved(solve(u, request({"app"}))),
            (Map{{"app", "1.0.0"}, {"web", "2.4.0"}, {"ssl", "1.3.0"}, {"log", "2.9.0"}}));
}

TEST(Solve, ReturnsRunListCookbooksFirstThenDependenciesBreadthFirst) {
  Universe u = UniverseBuilder()
                   .add("z", "1.0.0", {{"y", ">= 0.0.0"}})
                   .add("y", "1.0.0", {{"x", ">= 0.0.0"}})
                   .add("x", "1.0.0")
                   .add("m", "1.0.0")
                   .build();
  auto result = solve(u, request({"z", "m"}));
  ASSERT_TRUE(std::holds_alternative<Solution>(result));
  std::vector<std::string> order;
  for (const auto& c : std::get<Solution>(result).cookbooks) order.push_back(c.name);
  EXPECT_EQ(order, (std::vector<std::string>{"z", "m", "y", "x"}));
  EXPECT_EQ(std::get<Solution>(result).version_of("x"), (Version{1, 0, 0}));
  EXPECT_FALSE(std::get<Solution>(result).version_of("nope"));
}

TEST(Solve, BacktracksWhenTheNewestVersionLeadsNowhere) {
  // a 2.0 needs c >= 2 but b 2.0 needs c < 2. Whichever comes first in the run list keeps its
  // newest version and the other steps back.
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0", {{"c", "< 2.0"}})
                   .add("a", "2.0.0", {{"c", ">= 2.0"}})
                   .add("b", "1.0.0", {{"c", ">= 1.0"}})
                   .add("b", "2.0.0", {{"c", "< 2.0"}})
                   .add("c", "1.0.0")
                   .add("c", "2.0.0")
                   .build();
  EXPECT_EQ(solved(solve(u, request({"a", "b"}))),
            (Map{{"a", "2.0.0"}, {"b", "1.0.0"}, {"c", "2.0.0"}}));
  EXPECT_EQ(solved(solve(u, request({"b", "a"}))),
            (Map{{"b", "2.0.0"}, {"a", "1.0.0"}, {"c", "1.0.0"}}));
}

TEST(Solve, DiamondNeedsBacktrackingIntoAnEarlierChoice) {
  // top -> left, right; left and right both -> base with constraints that only agree on older
  // versions of left.
  Universe u = UniverseBuilder()
                   .add("top", "1.0.0", {{"left", ">= 1.0"}, {"right", ">= 1.0"}})
                   .add("left", "1.0.0", {{"base", "~> 1.0"}})
                   .add("left", "2.0.0", {{"base", "~> 2.0"}})
                   .add("left", "3.0.0", {{"base", ">= 3.0"}})
                   .add("right", "1.0.0", {{"base", "< 2.0"}})
                   .add("right", "2.0.0", {{"base", "< 2.0"}, {"extra", ">= 1.0"}})
                   .add("base", "1.0.0")
                   .add("base", "1.5.0")
                   .add("base", "2.0.0")
                   .add("base", "3.0.0")
                   .add("extra", "1.0.0")
                   .build();
  EXPECT_EQ(solved(solve(u, request({"top"}))), (Map{{"top", "1.0.0"},
                                                     {"left", "1.0.0"},
                                                     {"right", "2.0.0"},
                                                     {"base", "1.5.0"},
                                                     {"extra", "1.0.0"}}));
}

TEST(Solve, DependencyCyclesAreFine) {
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0", {{"b", ">= 1.0"}})
                   .add("a", "2.0.0", {{"b", ">= 2.0"}})
                   .add("b", "1.0.0", {{"a", ">= 1.0"}})
                   .add("b", "2.0.0", {{"a", "< 2.0"}})
                   .build();
  // a 2.0 needs b 2.0, which needs a < 2.0: the only consistent pair is a 1.0 with b 2.0.
  EXPECT_EQ(solved(solve(u, request({"a"}))), (Map{{"a", "1.0.0"}, {"b", "2.0.0"}}));
  // Self-dependency.
  Universe self = UniverseBuilder()
                      .add("s", "1.0.0", {{"s", "= 1.0.0"}})
                      .add("s", "2.0.0", {{"s", "= 1.0.0"}})
                      .build();
  EXPECT_EQ(solved(solve(self, request({"s"}))), (Map{{"s", "1.0.0"}}));
}

TEST(Solve, AVersionWithAMissingDependencyIsSkipped) {
  Universe u =
      UniverseBuilder().add("a", "1.0.0").add("a", "2.0.0", {{"ghost", ">= 0.0.0"}}).build();
  EXPECT_EQ(solved(solve(u, request({"a"}))), (Map{{"a", "1.0.0"}}));
}

TEST(Solve, OnlyCookbooksTheChosenVersionsNeedAreReturned) {
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0", {{"old", ">= 0.0.0"}})
                   .add("a", "2.0.0", {{"new", ">= 0.0.0"}})
                   .add("old", "1.0.0")
                   .add("new", "1.0.0")
                   .build();
  EXPECT_EQ(solved(solve(u, request({"a"}))), (Map{{"a", "2.0.0"}, {"new", "1.0.0"}}));
}

TEST(Solve, PessimisticConstraintsFollowHowManyPartsWereWritten) {
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0", {{"lib", "~> 1.2"}})
                   .add("b", "1.0.0", {{"lib", "~> 1.2.0"}})
                   .add("lib", "1.2.0")
                   .add("lib", "1.2.9")
                   .add("lib", "1.9.0")
                   .add("lib", "2.0.0")
                   .build();
  EXPECT_EQ(solved(solve(u, request({"a"})))["lib"], "1.9.0");
  EXPECT_EQ(solved(solve(u, request({"b"})))["lib"], "1.2.9");
  EXPECT_EQ(solved(solve(u, request({"a", "b"})))["lib"], "1.2.9");
}

TEST(Solve, InvalidRunListPinIsABadRequest) {
  Universe u = UniverseBuilder().add("a", "1.0.0").build();
  Failure f = failed(solve(u, request({"a@1"})));
  EXPECT_EQ(f.status, 400);
  EXPECT_EQ(f.body, (Json{{"error", {"Field 'run_list' is not a valid run list"}}}));
}

TEST(Solve, StepLimitGivesTheTimeoutBody) {
  // Six cookbooks with ten versions each, where only the oldest of everything works.
  UniverseBuilder b;
  for (int c = 0; c < 6; ++c) {
    for (int v = 1; v <= 10; ++v) {
      std::vector<std::pair<std::string, std::string>> deps;
      if (c < 5) deps.push_back({"c" + std::to_string(c + 1), ">= 1.0"});
      if (v > 1) deps.push_back({"sink", "= 9.0.0"});
      b.add("c" + std::to_string(c), std::to_string(v) + ".0.0", deps);
    }
  }
  b.add("sink", "1.0.0");
  Universe u = b.build();
  Request r = request({"c0"});
  r.step_limit = 3;
  Failure f = failed(solve(u, r));
  EXPECT_EQ(f.status, 412);
  EXPECT_EQ(f.body, (Json{{"error",
                           {{{"message", "unable to solve dependencies in alotted time"},
                             {"non_existent_cookbooks", Json::array()},
                             {"most_constrained_cookbooks", Json::array()}}}}}));
  r.step_limit = 0;
  EXPECT_EQ(solved(solve(u, r))["c5"], "1.0.0");
}

}  // namespace
}  // namespace proofbox::zero::depsolver
