// The 412 bodies, checked exactly. The first group replays chef-server's pedant depsolver
// specs (POST /environments/E/cookbook_versions) with the same cookbooks and environments.
#include <gtest/gtest.h>

#include "depsolver_test_support.hpp"
#include "proofbox/zero/depsolver/solve.hpp"

namespace proofbox::zero::depsolver {
namespace {

using testing::failed;
using testing::request;
using testing::solved;
using Pins = std::vector<std::pair<std::string, std::string>>;

// pedant's test_depsolver_env and test_depsolver_no_cookbooks_env.
const Pins kEnv = {{"qux", "> 4.0.0"}, {"foo", ">= 0.1.0"}, {"bar", "< 4.0.0"}};
const Pins kNoCookbooksEnv = {{"foo", "= 400.0.0"}, {"bar", "> 400.0.0"}};

Json invalid_items(const std::string& message, Json non_existent, Json no_versions) {
  return Json{{"error",
               {{{"message", message},
                 {"non_existent_cookbooks", std::move(non_existent)},
                 {"cookbooks_with_no_versions", std::move(no_versions)}}}}};
}

Json no_solution(const std::string& message, const std::string& item, Json non_existent,
                 Json most_constrained) {
  return Json{{"error",
               {{{"message", message},
                 {"unsatisfiable_run_list_item", item},
                 {"non_existent_cookbooks", std::move(non_existent)},
                 {"most_constrained_cookbooks", std::move(most_constrained)}}}}};
}

void expect_412(const Result& result, const Json& body) {
  Failure f = failed(result);
  EXPECT_EQ(f.status, 412);
  EXPECT_EQ(f.body, body) << f.body.dump(2);
}

TEST(PedantDepsolver, NonExistentCookbook) {
  Universe u = UniverseBuilder().add("foo", "1.2.3").build();
  const Json body =
      invalid_items("Run list contains invalid items: no such cookbook this_does_not_exist.",
                    {"this_does_not_exist"}, Json::array());
  expect_412(solve(u, request({"this_does_not_exist"})), body);
  expect_412(solve(u, request({"this_does_not_exist"}, kEnv)), body);
}

TEST(PedantDepsolver, CookbookFilteredOutByTheEnvironment) {
  Universe u = UniverseBuilder().add("foo", "1.2.3").build();
  expect_412(solve(u, request({"foo"}, kNoCookbooksEnv)),
             invalid_items("Run list contains invalid items: no versions match the constraints "
                           "on cookbook (foo >= 0.0.0).",
                           Json::array(), {"(foo >= 0.0.0)"}));
}

TEST(PedantDepsolver, TwoNonExistentCookbooks) {
  Universe u = UniverseBuilder().add("foo", "1.2.3").build();
  expect_412(solve(u, request({"this_does_not_exist", "also_this_one"}, kEnv)),
             invalid_items("Run list contains invalid items: no such cookbooks "
                           "this_does_not_exist, also_this_one.",
                           {"this_does_not_exist", "also_this_one"}, Json::array()));
}

TEST(PedantDepsolver, RunListVersionThatDoesNotExist) {
  Universe u = UniverseBuilder().add("foo", "1.2.3").build();
  expect_412(solve(u, request({"foo@2.0.0"}, kEnv)),
             invalid_items("Run list contains invalid items: no versions match the constraints "
                           "on cookbook (foo = 2.0.0).",
                           Json::array(), {"(foo = 2.0.0)"}));
}

TEST(PedantDepsolver, NonExistentCookbookIsReportedBeforeMissingVersions) {
  Universe u = UniverseBuilder().add("foo", "1.2.3").build();
  expect_412(solve(u, request({"this_does_not_exist", "foo@2.0.0"}, kEnv)),
             invalid_items("Run list contains invalid items: no such cookbook this_does_not_exist.",
                           {"this_does_not_exist"}, Json::array()));
}

TEST(PedantDepsolver, DependencyThatDoesNotExist) {
  Universe u = UniverseBuilder().add("foo", "1.2.3", {{"this_does_not_exist", ">= 0.0.0"}}).build();
  expect_412(solve(u, request({"foo"}, kEnv)),
             no_solution("Unable to satisfy constraints on package this_does_not_exist, which "
                         "does not exist, due to solution constraint (foo >= 0.0.0). Solution "
                         "constraints that may result in a constraint on this_does_not_exist: "
                         "[(foo = 1.2.3) -> (this_does_not_exist >= 0.0.0)]",
                         "(foo >= 0.0.0)", {"this_does_not_exist"}, Json::array()));
}

TEST(PedantDepsolver, OnlyTheRunListItemWithoutVersionsIsReported) {
  Universe u = UniverseBuilder().add("foo", "1.2.3").add("bar", "2.0.0").build();
  expect_412(solve(u, request({"bar@2.0.0", "foo@3.0.0"}, kEnv)),
             invalid_items("Run list contains invalid items: no versions match the constraints "
                           "on cookbook (foo = 3.0.0).",
                           Json::array(), {"(foo = 3.0.0)"}));
}

TEST(PedantDepsolver, DependencyWithoutANewEnoughVersion) {
  Universe u =
      UniverseBuilder().add("foo", "1.2.3", {{"bar", "> 2.0.0"}}).add("bar", "2.0.0").build();
  expect_412(solve(u, request({"foo"}, kEnv)),
             no_solution("Unable to satisfy constraints on package bar due to solution "
                         "constraint (foo >= 0.0.0). Solution constraints that may result in a "
                         "constraint on bar: [(foo = 1.2.3) -> (bar > 2.0.0)]",
                         "(foo >= 0.0.0)", Json::array(), {"bar = 2.0.0 -> []"}));
}

TEST(PedantDepsolver, ImpossibleDependency) {
  Universe u = UniverseBuilder()
                   .add("foo", "1.2.3", {{"bar", "> 2.0.0"}})
                   .add("bar", "2.0.0", {{"foo", "> 3.0.0"}})
                   .build();
  expect_412(solve(u, request({"foo"}, kEnv)),
             no_solution("Unable to satisfy constraints on package bar due to solution "
                         "constraint (foo >= 0.0.0). Solution constraints that may result in a "
                         "constraint on bar: [(foo = 1.2.3) -> (bar > 2.0.0)]",
                         "(foo >= 0.0.0)", Json::array(), {"bar = 2.0.0 -> [(foo > 3.0.0)]"}));
}

TEST(PedantDepsolver, ReturnsEveryDependencyOfTheRunList) {
  // CHEF-3813.
  Universe u = UniverseBuilder()
                   .add("foo", "1.0.0")
                   .add("bar", "2.0.0", {{"foo", "> 0.0.0"}})
                   .add("baz", "3.0.0")
                   .add("quux", "4.0.0", {{"bar", "= 2.0.0"}, {"baz", "= 3.0.0"}})
                   .build();
  EXPECT_EQ(solved(solve(u, request({"quux"}))),
            (std::map<std::string, std::string>{
                {"foo", "1.0.0"}, {"bar", "2.0.0"}, {"baz", "3.0.0"}, {"quux", "4.0.0"}}));
}

TEST(PedantDepsolver, DatestampVersions) {
  Universe u = UniverseBuilder().add("datestamp", "1.2.20130730201745").build();
  EXPECT_EQ(solved(solve(u, request({"datestamp"}, {{"datestamp", ">= 1.2.20130730200000"}}))),
            (std::map<std::string, std::string>{{"datestamp", "1.2.20130730201745"}}));
}

TEST(FailureBodies, SeveralRunListItemsWithoutVersionsUseThePlural) {
  Universe u = UniverseBuilder().add("a", "1.0.0").add("b", "1.0.0").build();
  expect_412(solve(u, request({"a@2.0", "b", "recipe[b::x@1.5]"}, {{"b", "> 1.0.0"}})),
             invalid_items("Run list contains invalid items: no versions match the constraints "
                           "on cookbooks (a = 2.0.0), (b >= 0.0.0), (b = 1.5.0).",
                           Json::array(), {"(a = 2.0.0)", "(b >= 0.0.0)", "(b = 1.5.0)"}));
}

TEST(FailureBodies, PathsThatDifferInOneVersionAreCollapsed) {
  Universe u = UniverseBuilder()
                   .add("app", "1.0.0", {{"lib", ">= 1.0"}})
                   .add("app", "2.0.0", {{"lib", ">= 1.0"}})
                   .add("lib", "1.0.0", {{"base", "~> 5.0"}})
                   .add("base", "1.0.0")
                   .build();
  expect_412(solve(u, request({"app"})),
             no_solution("Unable to satisfy constraints on package base due to solution "
                         "constraint (app >= 0.0.0). Solution constraints that may result in a "
                         "constraint on base: [(app = {1.0.0,2.0.0}) -> (lib = 1.0.0) -> "
                         "(base ~> 5.0.0)]",
                         "(app >= 0.0.0)", Json::array(), {"base = 1.0.0 -> []"}));
}

TEST(FailureBodies, TheFirstRunListItemThatBreaksTheSolutionIsNamed) {
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0", {{"c", "= 1.0.0"}})
                   .add("b", "1.0.0", {{"c", "= 2.0.0"}})
                   .add("c", "1.0.0")
                   .add("c", "2.0.0")
                   .build();
  expect_412(solve(u, request({"a", "b"})),
             no_solution("Unable to satisfy constraints on package c due to solution constraint "
                         "(b >= 0.0.0). Solution constraints that may result in a constraint on "
                         "c: [(a = 1.0.0) -> (c = 1.0.0)], [(b = 1.0.0) -> (c = 2.0.0)]",
                         "(b >= 0.0.0)", Json::array(), {"c = 1.0.0 -> []"}));
}

TEST(FailureBodies, DependencyTheEnvironmentFiltersOutReadsAsNonExistentInTheMessage) {
  // dep_selector calls a package with no allowed versions "which does not exist" but lists it
  // as most constrained (it exists in the org), printing no version after "= ".
  Universe u =
      UniverseBuilder().add("app", "1.0.0", {{"lib", ">= 0.0.0"}}).add("lib", "1.0.0").build();
  expect_412(solve(u, request({"app"}, {{"lib", "= 9.0.0"}})),
             no_solution("Unable to satisfy constraints on package lib, which does not exist, "
                         "due to solution constraint (app >= 0.0.0). Solution constraints that "
                         "may result in a constraint on lib: [(app = 1.0.0) -> (lib >= 0.0.0)]",
                         "(app >= 0.0.0)", Json::array(), {"lib = "}));
}

TEST(FailureBodies, EveryMissingDependencyIsListed) {
  Universe u =
      UniverseBuilder().add("app", "1.0.0", {{"ghost1", ">= 1.0"}, {"ghost2", "~> 2.0"}}).build();
  expect_412(solve(u, request({"app"})),
             no_solution("Unable to satisfy constraints on package ghost1, which does not "
                         "exist, due to solution constraint (app >= 0.0.0). Solution "
                         "constraints that may result in a constraint on ghost1: [(app = 1.0.0) "
                         "-> (ghost1 >= 1.0.0)]",
                         "(app >= 0.0.0)", {"ghost1", "ghost2"}, Json::array()));
}

TEST(FailureBodies, AMissingDependencyOnlySomeVersionsHaveIsNotAFailure) {
  Universe u = UniverseBuilder()
                   .add("app", "1.0.0", {{"lib", ">= 1.0"}})
                   .add("app", "2.0.0", {{"ghost", ">= 1.0"}})
                   .add("lib", "1.0.0")
                   .build();
  EXPECT_EQ(solved(solve(u, request({"app"}))),
            (std::map<std::string, std::string>{{"app", "1.0.0"}, {"lib", "1.0.0"}}));
}

TEST(FailureBodies, RunListCookbookIsBlamedWhenOnlyDroppingItHelps) {
  // Two run-list items pin c to different versions through no intermediate cookbook.
  Universe u = UniverseBuilder()
                   .add("a", "1.0.0", {{"b", "= 1.0.0"}})
                   .add("b", "1.0.0")
                   .add("b", "2.0.0")
                   .build();
  expect_412(solve(u, request({"a", "b@2.0.0"})),
             no_solution("Unable to satisfy constraints on package b due to solution constraint "
                         "(b = 2.0.0). Solution constraints that may result in a constraint on "
                         "b: [(a = 1.0.0) -> (b = 1.0.0)], [(b = 2.0.0)]",
                         "(b = 2.0.0)", Json::array(), {"b = 1.0.0 -> []"}));
}

}  // namespace
}  // namespace proofbox::zero::depsolver
