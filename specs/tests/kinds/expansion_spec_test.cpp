// role / node / run_list expectations on the fixture repo: expansion, includes/excludes, roles
// and attributes at each level, passing and failing (with the failure message asserted).
#include <gmock/gmock.h>

#include "spec_run.hpp"

namespace proofbox::specs {
namespace {

using ::testing::HasSubstr;
using testing::run_one;

TEST(ExpansionSpec, RoleInProductionUsesEnvRunListsAndNestedRoles) {
  auto c = run_one(R"(
expect:
  - role: app
    environment: production
    expands_to: ['recipe[base]', base::users, app, monitoring]
    roles: [app, base]
    includes: [base::default]
    excludes: [db]
)");
  EXPECT_EQ(c.outcome, Outcome::kPassed) << c.message;
  EXPECT_EQ(c.line, 3);
  EXPECT_EQ(c.name,
            "role[app] in production expands to [recipe[base], base::users, app, monitoring], "
            "includes [base::default], excludes [db], has roles [app, base]");
}

TEST(ExpansionSpec, WrongRunListShowsExpectedAndActual) {
  auto c = run_one(R"(
expect:
  - it: app in staging monitors
    role: app
    environment: staging
    expands_to: [base, base::users, app, monitoring]
    includes: [monitoring]
)");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_EQ(c.name, "app in staging monitors");
  EXPECT_EQ(c.message,
            "run list\n  expected: [base, base::users, app, monitoring]\n"
            "    actual: [base, base::users, app]\n"
            "run list includes monitoring\n    actual: [base, base::users, app]");
}

TEST(ExpansionSpec, DuplicatesAcrossNestedRolesAreDropped) {
  auto c = run_one(R"(
expect:
  - role: frontend
    expands_to: [base, base::users, app]
    roles: [frontend, app, base]
)");
  EXPECT_EQ(c.outcome, Outcome::kPassed) << c.message;
}

TEST(ExpansionSpec, AttributesAtEachLevel) {
  auto c = run_one(R"(
expect:
  - role: frontend
    environment: production
    attributes:
      - {path: tier, level: environment_default, equals: env-default}
      - {path: tier, level: role_default, equals: frontend}
      - {path: tier, equals: frontend}
      - {path: app.port, equals: 8080}
      - {path: app.workers, equals: 8}
      - {path: ntp.servers, level: role_default, equals: [ntp-a, ntp-b, ntp-c]}
      - {path: ssh.port, level: role_override, equals: 2222}
      - {path: ssh.port, equals: 22022}
      - {path: ntp.servers.0, matches: '^ntp-[ab]$'}
      - {path: nothing.here, absent: true}
)");
  EXPECT_EQ(c.outcome, Outcome::kPassed) << c.message;
}

TEST(ExpansionSpec, AttributeFailureMessage) {
  auto c = run_one(R"(
expect:
  - role: app
    environment: production
    attributes:
      - {path: app.port, equals: 80}
      - {path: ssh.port, level: environment_override, matches: '^22$'}
      - {path: app.missing, equals: 1}
      - {path: tier, absent: true}
)");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_EQ(c.message,
            "attribute app.port (merged, line 6)\n  expected: 80\n    actual: 8080\n"
            "attribute ssh.port (environment_override, line 7)\n  expected: matching /^22$/\n"
            "    actual: 22022\n"
            "attribute app.missing (merged, line 8)\n  expected: 1\n    actual: (not set)\n"
            "attribute tier (merged, line 9)\n  expected: absent\n    actual: \"app\"");
}

TEST(ExpansionSpec, NodeUsesItsEnvironmentAndAttributes) {
  auto c = run_one(R"(
nodes:
  - app1
expect:
  - node: app1
    includes: [monitoring]
    attributes:
      tags: [canary]
      platform: debian
      ssh.port: 22022
)");
  EXPECT_EQ(c.outcome, Outcome::kPassed) << c.message;
}

TEST(ExpansionSpec, UnknownRoleEnvironmentOrNodeFail) {
  EXPECT_EQ(run_one("expect:\n  - {role: nope, includes: [x]}\n").message,
            "no role 'nope' in the repo");
  EXPECT_EQ(run_one("expect:\n  - {role: app, environment: qa, includes: [x]}\n").message,
            "no environment 'qa' in the repo");
  EXPECT_THAT(run_one("expect:\n  - {node: ghost, includes: [x]}\n").message,
              HasSubstr("no node 'ghost'"));
  auto c = run_one("expect:\n  - {run_list: ['role[ghost]', 'recipe[app]'], includes: [app]}\n");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_EQ(c.message, "role[ghost] is in the run list but there is no such role");
}

}  // namespace
}  // namespace proofbox::specs
