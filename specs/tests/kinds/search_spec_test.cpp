// search expectations on stub nodes (inline and from nodes/), roles, environments and stubbed
// data bags.
#include <gmock/gmock.h>

#include "spec_run.hpp"

namespace proofbox::specs {
namespace {

using testing::run_one;
using testing::run_spec;

constexpr const char* kStubs = R"(
nodes:
  - app1
  - name: app2
    environment: staging
    run_list: ['role[app]']
  - name: db1
    environment: production
    run_list: ['role[db]']
    automatic: {ipaddress: 10.0.0.5}
data_bags:
  users:
    - {id: carol, groups: [sudo, ops]}
)";

TEST(SearchSpec, QueriesReturnExactlyTheStubs) {
  auto cases = run_spec(std::string(kStubs) + R"(
expect:
  - {search: node, query: 'role:app', returns: [app1, app2]}
  - {search: node, query: 'role:base', returns: []}
  - {search: node, query: 'roles:base AND chef_environment:production', returns: [app1, db1]}
  - {search: node, query: 'recipes:monitoring', returns: [app1]}
  - {search: node, query: 'recipes:monitoring\:\:default', returns: [app1]}
  - {search: node, query: 'ssh_port:22022', returns: [app1, db1]}
  - {search: node, query: 'ipaddress:10.0.0.*', returns: [db1]}
  - {search: node, query: 'tags:canary', returns: [app1]}
  - {search: role, query: 'run_list:recipe\[db\]', returns: [db]}
  - {search: environment, query: 'name:*', returns: [_default, production, staging]}
  - {search: users, query: 'groups:sudo', returns: [carol]}
  - {search: vault, query: 'id:v*', returns: [v1, v2, v3]}
)");
  ASSERT_EQ(cases.size(), 12u);
  for (const auto& c : cases) EXPECT_EQ(c.outcome, Outcome::kPassed) << c.name << "\n" << c.message;
}

TEST(SearchSpec, MismatchListsMissingAndUnwanted) {
  auto c = run_one(std::string(kStubs) + R"(
expect:
  - {search: node, query: 'roles:base', returns: [app1, web9]}
)");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_EQ(
      c.message,
      "search(node, \"roles:base\")\n  expected: [app1, web9]\n    actual: [app1, app2, db1]\n"
      "   missing: [web9]\n  unwanted: [app2, db1]");
}

TEST(SearchSpec, BadQueryFails) {
  auto c = run_one("expect:\n  - {search: node, query: 'role:(app', returns: []}\n");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_THAT(c.message, ::testing::StartsWith("search(node, \"role:(app\"): query error"));
}

TEST(SearchSpec, MissingRepoNodeIsAnError) {
  auto cases = run_spec("nodes: [ghost]\nexpect:\n  - {search: node, query: '*:*', returns: []}\n");
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].outcome, Outcome::kError);
  EXPECT_EQ(cases[0].message, "no node 'ghost' in nodes/");
  EXPECT_EQ(cases[0].line, 1);
}

}  // namespace
}  // namespace proofbox::specs
