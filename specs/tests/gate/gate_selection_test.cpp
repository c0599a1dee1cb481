// The gate on a scratch git repo: each kind of change selects exactly the roles it can affect,
// with a reason that names the change and the chain to the role.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analysis_text.hpp"
#include "proofbox/specs/gate/gate.hpp"
#include "proofbox/specs/gate/gate_error.hpp"
#include "scratch_git_repo.hpp"

namespace proofbox::specs::gate {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::ScratchGitRepo;

TEST(GateSelection, NoChangeSelectsNothing) {
  ScratchGitRepo repo;
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.paths, IsEmpty());
  EXPECT_THAT(analysis.selection.role_names(), IsEmpty());
}

TEST(GateSelection, WrapperCookbookSelectsTheRoleRunningIt) {
  ScratchGitRepo repo;
  repo.write("site-cookbooks/pd-memcached/recipes/default.rb",
             "node.default['memcached']['memory'] = 1024\ninclude_recipe 'memcached'\n");
  repo.commit("more memory");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("memcached"));
  EXPECT_THAT(reasons_of(analysis, "memcached"),
              ElementsAre("cookbook pd-memcached changed "
                          "(site-cookbooks/pd-memcached/recipes/default.rb modified); "
                          "role memcached runs recipe[pd-memcached]"));
}

TEST(GateSelection, CommunityCookbookSelectsThroughTheWrappersDependency) {
  ScratchGitRepo repo;
  repo.write("cookbooks/memcached/templates/default/memcached.conf.erb", "-m <%= @memory %>\n");
  repo.commit("template");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("memcached"));
  EXPECT_THAT(reasons_of(analysis, "memcached"),
              ElementsAre(AllOf(HasSubstr("cookbook memcached changed"),
                                HasSubstr("role memcached runs recipe[pd-memcached], "
                                          "pd-memcached depends on memcached"))));
}

TEST(GateSelection, SharedBaseCookbookSelectsEveryRoleReachingIt) {
  ScratchGitRepo repo;
  repo.write("cookbooks/base/recipes/default.rb", "package 'chrony'\npackage 'htop'\n");
  repo.commit("htop everywhere");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("app", "base", "memcached"));
  EXPECT_THAT(reasons_of(analysis, "app"),
              ElementsAre(HasSubstr("role app nests role[base], role base runs recipe[base]")));
}

TEST(GateSelection, CookbookDirectoryNamedOtherThanItsMetadataMapsByMetadata) {
  ScratchGitRepo repo;
  repo.write("cookbooks/redis-cookbook/recipes/tuning.rb", "sysctl 'vm.swappiness'\n");
  repo.commit("tuning");
  const auto analysis = analyze_change(repo.path(), "main");
  // redis::tuning only runs in production's env_run_lists entry: still reached.
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("redis"));
  EXPECT_THAT(reasons_of(analysis, "redis"),
              ElementsAre(HasSubstr("cookbook redis changed (cookbooks/redis-cookbook/")));
}

TEST(GateSelection, RoleChangeSelectsItself) {
  ScratchGitRepo repo;
  repo.write("roles/app.json",
             ScratchGitRepo::role("app", R"(["role[base]", "recipe[app]", "recipe[ops]"])"));
  repo.commit("app gets ops");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("app"));
  EXPECT_THAT(reasons_of(analysis, "app"),
              ElementsAre("role app changed (roles/app.json modified)"));
}

TEST(GateSelection, NestedRoleChangeSelectsEveryRoleNestingIt) {
  ScratchGitRepo repo;
  repo.write("roles/base.json", ScratchGitRepo::role("base", R"(["recipe[base]"])", "{}",
                                                     R"({"ntp": {"servers": ["a"]}})"));
  repo.commit("ntp servers");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("app", "base", "memcached"));
  EXPECT_THAT(reasons_of(analysis, "memcached"),
              ElementsAre("role base changed (roles/base.json modified); "
                          "role memcached nests role[base]"));
}

TEST(GateSelection, RubyRoleChangeIsARoleChange) {
  ScratchGitRepo repo;
  repo.write("roles/standalone.rb",
             "name 'standalone'\ndescription 'alone'\nrun_list 'recipe[standalone]'\n");
  repo.commit("describe");
  EXPECT_THAT(analyze_change(repo.path(), "main").selection.role_names(),
              ElementsAre("standalone"));
}

TEST(GateSelection, EnvironmentAttributesSelectTheRolesRunningInIt) {
  ScratchGitRepo repo;
  repo.write("environments/production.json",
             ScratchGitRepo::environment("production", R"({"memcached": "= 1.2.0"})",
                                         R"({"tier": "production"})"));
  repo.commit("tier name");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("redis"));
  EXPECT_THAT(reasons_of(analysis, "redis"),
              ElementsAre("environment production changed its attributes; "
                          "role redis has an env_run_lists entry for it"));
}

TEST(GateSelection, EnvironmentPinSelectsTheRolesReachingThePinnedCookbook) {
  ScratchGitRepo repo;
  repo.write("environments/production.json",
             ScratchGitRepo::environment("production", R"({"memcached": "= 1.2.1"})",
                                         R"({"tier": "prod"})"));
  repo.commit("pin");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("memcached"));
  EXPECT_THAT(reasons_of(analysis, "memcached"),
              ElementsAre("environment production changes the pin of cookbook memcached "
                          "(was '= 1.2.0', now '= 1.2.1'); role memcached runs "
                          "recipe[pd-memcached], pd-memcached depends on memcached"));
}

TEST(GateSelection, EnvironmentNoRoleConvergesInSelectsNothing) {
  ScratchGitRepo repo;
  repo.write("environments/staging.json",
             ScratchGitRepo::environment("staging", "{}", R"({"tier": "stage"})"));
  repo.commit("stage");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), IsEmpty());
  EXPECT_THAT(all_notes(analysis), HasSubstr("environment staging changed "
                                             "(environments/staging.json modified): no role "
                                             "converges in it"));
}

TEST(GateSelection, EnvironmentTheHarnessConvergesInSelectsThoseRoles) {
  ScratchGitRepo repo;
  repo.write("proofbox.yml", "roles:\n  app:\n    environment: staging\n");
  repo.commit("app in staging");
  repo.git("checkout -q -b env-change");
  repo.write("environments/staging.json",
             ScratchGitRepo::environment("staging", "{}", R"({"tier": "stage"})"));
  repo.commit("stage");
  const auto analysis = analyze_change(repo.path(), "feature");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("app"));
  EXPECT_THAT(reasons_of(analysis, "app"),
              ElementsAre("environment staging changed its attributes; proofbox.yml converges "
                          "role app in it"));
}

TEST(GateSelection, DefaultEnvironmentSelectsEveryRoleConvergingThere) {
  ScratchGitRepo repo;
  repo.write("proofbox.yml", "roles:\n  app:\n    environment: staging\n");
  repo.commit("app in staging");
  repo.git("checkout -q -b env-change");
  repo.write("environments/_default.json",
             ScratchGitRepo::environment("_default", "{}", R"({"x": 1})"));
  repo.commit("default env");
  const auto analysis = analyze_change(repo.path(), "feature");
  EXPECT_THAT(analysis.selection.role_names(),
              ElementsAre("base", "memcached", "ops", "redis", "standalone"));
  EXPECT_THAT(reasons_of(analysis, "ops"),
              ElementsAre("environment _default was added; role ops converges in it (not "
                          "given an environment in proofbox.yml)"));
}

TEST(GateSelection, HarnessRunListAdditionsAreReached) {
  ScratchGitRepo repo;
  repo.write("proofbox.yml",
             "roles:\n  standalone:\n    run_list: [\'role[standalone]\', \'recipe[ops]\']\n");
  repo.commit("standalone converges with ops");
  repo.git("checkout -q -b ops-change");
  repo.write("cookbooks/ops/recipes/default.rb", "log \'ops\'\n");
  repo.commit("ops");
  const auto analysis = analyze_change(repo.path(), "feature");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("ops", "standalone"));
  EXPECT_THAT(reasons_of(analysis, "standalone"),
              ElementsAre(HasSubstr("proofbox.yml converges role standalone with recipe[ops]")));
}

TEST(GateSelection, HarnessConfigurationChangeSelectsEveryRole) {
  ScratchGitRepo repo;
  repo.write("proofbox.yml", "jobs: 2\n");
  repo.commit("config");
  EXPECT_THAT(analyze_change(repo.path(), "main").selection.role_names(),
              ElementsAre("app", "base", "memcached", "ops", "redis", "standalone"));
}

TEST(GateSelection, EnvironmentNamedByANodeSelectsThatNodesRoles) {
  ScratchGitRepo repo;
  repo.write(
      "nodes/cache01.json",
      R"({"name": "cache01", "chef_environment": "staging", "run_list": ["role[memcached]"]})");
  repo.commit("a node");
  repo.git("checkout -q -b env-change");
  repo.write("environments/staging.json",
             ScratchGitRepo::environment("staging", "{}", R"({"tier": "stage"})"));
  repo.commit("stage");
  const auto analysis = analyze_change(repo.path(), "feature");
  // base runs there too: memcached nests it.
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("base", "memcached"));
  EXPECT_THAT(reasons_of(analysis, "memcached"),
              ElementsAre(HasSubstr("node cache01 in it runs role[memcached]")));
  EXPECT_THAT(
      reasons_of(analysis, "base"),
      ElementsAre(HasSubstr("node cache01 in it runs role[memcached], which nests role base")));
}

TEST(GateSelection, EnvironmentDescriptionOnlyIsNoted) {
  ScratchGitRepo repo;
  repo.write("environments/staging.json",
             R"({"name": "staging", "description": "the stage", "cookbook_versions": {},
                 "default_attributes": {"tier": "staging"}})");
  repo.commit("describe");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), IsEmpty());
  EXPECT_THAT(all_notes(analysis), HasSubstr("no pin or attribute changed"));
}

TEST(GateSelection, DataBagSelectsTheRolesWhoseRecipesReadIt) {
  ScratchGitRepo repo;
  repo.write("data_bags/app_secrets/db.json", R"({"id": "db", "password": "y"})");
  repo.commit("rotate");
  const auto analysis = analyze_change(repo.path(), "main");
  // app reads it literally; ops reads a bag named by an attribute, which could be any bag.
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("app", "ops"));
  EXPECT_THAT(reasons_of(analysis, "app"),
              ElementsAre("data bag app_secrets changed (data_bags/app_secrets/db.json modified); "
                          "role app runs recipe[app]; cookbooks/app/recipes/default.rb:2 reads "
                          "data bag app_secrets"));
  EXPECT_THAT(reasons_of(analysis, "ops"),
              ElementsAre(HasSubstr("cookbooks/ops/recipes/default.rb:2 reads a data bag whose "
                                    "name is computed")));
}

TEST(GateSelection, DataBagNobodyReadsSelectsOnlyComputedReaders) {
  ScratchGitRepo repo;
  repo.write("data_bags/unused/other.json", R"({"id": "other"})");
  repo.commit("new item");
  EXPECT_THAT(analyze_change(repo.path(), "main").selection.role_names(), ElementsAre("ops"));
}

TEST(GateSelection, DataBagNamedInRoleAttributesSelectsThatRole) {
  ScratchGitRepo repo;
  repo.write("roles/standalone.rb",
             "name 'standalone'\nrun_list 'recipe[standalone]'\n"
             "default_attributes 'motd' => { 'bag' => 'unused' }\n");
  repo.commit("bag attribute");
  repo.git("checkout -q -b bag-change");
  repo.write("data_bags/unused/thing.json", R"({"id": "thing", "x": 1})");
  repo.commit("bag");
  const auto analysis = analyze_change(repo.path(), "feature");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("ops", "standalone"));
  EXPECT_THAT(reasons_of(analysis, "standalone"),
              ElementsAre(HasSubstr("role standalone's attributes name 'unused'")));
}

TEST(GateSelection, FunctionalSpecSelectsItsRole) {
  ScratchGitRepo repo;
  repo.write("spec/functional/memcached.yml", "tests:\n  - port: 11211\n");
  repo.write("spec/unit/roles.yml", "# more unit specs\n");
  repo.write("nodes/web01.json", R"({"name": "web01"})");
  repo.commit("specs");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("memcached"));
  EXPECT_THAT(reasons_of(analysis, "memcached"),
              ElementsAre("functional spec of role memcached changed "
                          "(spec/functional/memcached.yml modified)"));
  EXPECT_THAT(all_notes(analysis), AllOf(HasSubstr("unit specs run for every change"),
                                         HasSubstr("no role is converged from nodes/")));
}

TEST(GateSelection, ChefignoreCountsForEveryCookbookInItsRoot) {
  ScratchGitRepo repo;
  repo.write("cookbooks/chefignore", "spec/*\ntest/*\n");
  repo.commit("ignore tests");
  // Every cookbook under cookbooks/ (not site-cookbooks/pd-memcached, whose dependency
  // memcached is there anyway).
  EXPECT_THAT(analyze_change(repo.path(), "main").selection.role_names(),
              ElementsAre("app", "base", "memcached", "ops", "redis", "standalone"));
}

TEST(GateSelection, UnrelatedFilesSelectNothing) {
  ScratchGitRepo repo;
  repo.write("README.md", "changed\n");
  repo.commit("docs");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), IsEmpty());
  EXPECT_THAT(all_notes(analysis), HasSubstr("README.md modified"));
}

TEST(GateSelection, UncommittedAndUntrackedChangesCount) {
  ScratchGitRepo repo;
  repo.write("cookbooks/standalone/recipes/extra.rb", "file '/etc/extra'\n");  // untracked
  EXPECT_THAT(analyze_change(repo.path(), "main").selection.role_names(),
              ElementsAre("standalone"));
}

TEST(GateSelection, ComparesWithTheMergeBaseNotTheBaseTip) {
  ScratchGitRepo repo;
  repo.git("checkout -q main");
  repo.write("cookbooks/base/recipes/default.rb", "package 'chrony'\npackage 'vim'\n");
  repo.commit("main moved on");
  repo.git("checkout -q feature");
  repo.write("roles/ops.json", ScratchGitRepo::role("ops", R"(["recipe[ops]", "recipe[base]"])"));
  repo.commit("ops");
  // main's own change to base is not part of this branch's change.
  EXPECT_THAT(analyze_change(repo.path(), "main").selection.role_names(), ElementsAre("ops"));
}

TEST(GateSelection, RepoInASubdirectoryIgnoresChangesOutsideIt) {
  ScratchGitRepo repo("infra/chef-repo");
  repo.write("cookbooks/base/recipes/default.rb", "package 'ntp'\n");
  backup::testing::write_file(repo.top() / "app/src/main.c", "int main() {}\n");
  repo.commit("both");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("app", "base", "memcached"));
  EXPECT_THAT(reasons_of(analysis, "base"),
              ElementsAre(HasSubstr("(cookbooks/base/recipes/default.rb modified)")));
  EXPECT_EQ(analysis.paths.size(), 1u);
}

}  // namespace
}  // namespace proofbox::specs::gate
