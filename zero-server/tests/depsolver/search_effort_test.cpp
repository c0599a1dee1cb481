// The search must not retry a deep conflict under every combination of unrelated choices.
#include <gtest/gtest.h>

#include "depsolver_test_support.hpp"
#include "proofbox/zero/depsolver/solve.hpp"

namespace proofbox::zero::depsolver {
namespace {

// Run list [a, b]. a 2.0 needs x >= 2; b needs m1..m15 (ten versions each, all compatible)
// and y, and y needs x < 2. x is decided before the m's and y, so the clash only shows when y
// is reached, fifteen decisions later. Chronological backtracking would try 10^15
// combinations of the m's before changing x; backjumping goes straight back.
Universe late_conflict_universe() {
  UniverseBuilder b;
  b.add("a", "1.0.0", {{"x", ">= 0.0"}});
  b.add("a", "2.0.0", {{"x", ">= 2.0"}});
  std::vector<std::pair<std::string, std::string>> b_deps;
  for (int i = 1; i <= 15; ++i) {
    const std::string m = "m" + std::to_string(i);
    b_deps.push_back({m, ">= 1.0"});
    for (int v = 1; v <= 10; ++v) b.add(m, std::to_string(v) + ".0.0");
  }
  b_deps.push_back({"y", ">= 0.0"});
  b.add("b", "1.0.0", b_deps);
  b.add("y", "1.0.0", {{"x", "< 2.0"}});
  for (const char* v : {"1.0.0", "2.0.0", "3.0.0"}) b.add("x", v);
  return b.build();
}

TEST(SearchEffort, BackjumpsOverUnrelatedDecisions) {
  Universe u = late_conflict_universe();
  auto result = solve(u, testing::request({"a", "b"}));
  ASSERT_TRUE(std::holds_alternative<Solution>(result));
  const auto& solution = std::get<Solution>(result);
  EXPECT_EQ(solution.version_of("a"), (Version{1, 0, 0}));
  EXPECT_EQ(solution.version_of("x"), (Version{1, 0, 0}));
  EXPECT_EQ(solution.version_of("m7"), (Version{10, 0, 0}));
  EXPECT_LT(solution.steps, 200U);
}

TEST(SearchEffort, ProvesUnsatisfiabilityWithoutEnumerating) {
  Universe u = late_conflict_universe();
  // With a pinned to 2.0 there is no answer; the failure must still come quickly.
  Request r = testing::request({"a@2.0.0", "b"});
  r.step_limit = 10000;
  auto result = solve(u, r);
  ASSERT_TRUE(std::holds_alternative<Failure>(result));
  const Json& detail = std::get<Failure>(result).body["error"][0];
  EXPECT_EQ(detail["unsatisfiable_run_list_item"], "(b >= 0.0.0)");
  EXPECT_EQ(detail["most_constrained_cookbooks"], Json({"x = 1.0.0 -> []"}));
}

TEST(SearchEffort, EachFailingVersionCostsOnlyItsOwnTries) {
  // top has 30 versions; each newer one pins leaf to 1.0.0 and needs its own "mid" cookbook,
  // whose five versions all need leaf >= 5. Only top 1.0.0 works. Every newer top fails after
  // trying its mid's versions once, never re-trying anything under another top.
  UniverseBuilder b;
  for (int v = 1; v <= 30; ++v) {
    const std::string mid = "mid" + std::to_string(v);
    b.add("top", std::to_string(v) + ".0.0",
          {{mid, ">= 0.0"}, {"leaf", v == 1 ? ">= 0.0" : "= 1.0.0"}});
    for (int w = 1; w <= 5; ++w) b.add(mid, std::to_string(w) + ".0.0", {{"leaf", ">= 5.0"}});
  }
  for (int w = 1; w <= 9; ++w) b.add("leaf", std::to_string(w) + ".0.0");
  Universe u = b.build();
  auto result = solve(u, testing::request({"top"}));
  ASSERT_TRUE(std::holds_alternative<Solution>(result));
  EXPECT_EQ(std::get<Solution>(result).version_of("top"), (Version{1, 0, 0}));
  EXPECT_EQ(std::get<Solution>(result).version_of("leaf"), (Version{9, 0, 0}));
  EXPECT_LT(std::get<Solution>(result).steps, 30U * 6U + 10U);
}

}  // namespace
}  // namespace proofbox::zero::depsolver
