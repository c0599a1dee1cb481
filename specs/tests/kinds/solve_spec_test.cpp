// solve expectations: every role in every environment, pinned versions, expected failures.
#include <gmock/gmock.h>

#include "spec_run.hpp"

namespace proofbox::specs {
namespace {

using ::testing::HasSubstr;
using testing::run_one;

TEST(SolveSpec, EveryRoleSolvesInEveryEnvironment) {
  auto c = run_one("expect:\n  - solve: all_roles\n");
  EXPECT_EQ(c.outcome, Outcome::kPassed) << c.message;
  EXPECT_EQ(c.name, "every role solves in every environment");
}

TEST(SolveSpec, PinnedVersions) {
  auto c = run_one(R"(
expect:
  - solve: role[db]
    environments: [production, staging]
    versions: {db: 1.2.0, base: 1.0.0}
)");
  EXPECT_EQ(c.outcome, Outcome::kPassed) << c.message;
}

TEST(SolveSpec, WrongVersionShowsExpectedAndActual) {
  auto c = run_one(R"(
expect:
  - solve: role[app]
    environment: production
    versions: {app: 2.0.0, monitoring: 0.5.0, db: 1.2.0}
)");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_EQ(c.message,
            "role[app] in production: cookbook app\n  expected: 2.0.0\n    actual: 1.0.0\n"
            "role[app] in production: cookbook db\n  expected: 1.2.0\n"
            "    actual: (not in the solution)");
}

TEST(SolveSpec, UnsatisfiableRunListCarriesTheDepsolverMessage) {
  auto c = run_one(R"(
expect:
  - solve: ['recipe[app]', 'recipe[nosuch]']
    environment: staging
)");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_THAT(c.message, HasSubstr("does not solve in staging: "));
  EXPECT_THAT(c.message, HasSubstr("nosuch"));
}

TEST(SolveSpec, ExpectedFailure) {
  auto pass =
      run_one("expect:\n  - {solve: 'recipe[nosuch]', environment: staging, fails: true}\n");
  EXPECT_EQ(pass.outcome, Outcome::kPassed) << pass.message;
  auto fail = run_one("expect:\n  - {solve: 'recipe[db]', environment: staging, fails: true}\n");
  EXPECT_EQ(fail.outcome, Outcome::kFailed);
  EXPECT_EQ(fail.message,
            "run list [\"recipe[db]\"] in staging\n  expected: no solution\n"
            "    actual: db 1.2.0, base 1.0.0");
}

}  // namespace
}  // namespace proofbox::specs
