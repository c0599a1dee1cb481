// Renames and deletions: the old side still matters.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analysis_text.hpp"
#include "proofbox/specs/gate/gate.hpp"
#include "scratch_git_repo.hpp"

namespace proofbox::specs::gate {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ScratchGitRepo;

TEST(GateRenameDelete, DeletedNestedRoleSelectsTheRolesStillNestingIt) {
  ScratchGitRepo repo;
  repo.remove("roles/base.json");
  repo.commit("drop base");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("app", "memcached"));
  EXPECT_THAT(
      reasons_of(analysis, "app"),
      ElementsAre("role base changed (roles/base.json deleted); role app nests role[base]"));
  EXPECT_THAT(all_notes(analysis), HasSubstr("role base no longer exists"));
}

TEST(GateRenameDelete, DeletedCookbookSelectsTheRolesThatReachedIt) {
  ScratchGitRepo repo;
  repo.remove("cookbooks/memcached");
  repo.commit("drop memcached");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("memcached"));
  EXPECT_THAT(reasons_of(analysis, "memcached"),
              ElementsAre(HasSubstr("pd-memcached depends on memcached")));
}

TEST(GateRenameDelete, DeletedCookbookIsNamedByItsBaseMetadata) {
  ScratchGitRepo repo;
  repo.remove("cookbooks/redis-cookbook");
  repo.commit("drop redis");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("redis"));
  EXPECT_THAT(reasons_of(analysis, "redis"),
              ElementsAre(HasSubstr("cookbook redis changed (cookbooks/redis-cookbook/")));
}

TEST(GateRenameDelete, RenamedCookbookDirectoryCountsBothSides) {
  ScratchGitRepo repo;
  repo.git("mv cookbooks/base site-cookbooks/base");
  repo.commit("move base");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("app", "base", "memcached"));
  EXPECT_THAT(reasons_of(analysis, "base"),
              ElementsAre(HasSubstr("renamed to site-cookbooks/base/")));
}

TEST(GateRenameDelete, RenamedRoleSelectsTheNewRoleAndNotesTheOld) {
  ScratchGitRepo repo;
  repo.git("mv roles/standalone.rb roles/solo.rb");
  repo.write("roles/solo.rb", "name 'solo'\nrun_list 'recipe[standalone]'\n");
  repo.commit("rename role");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("solo"));
  EXPECT_THAT(all_notes(analysis), HasSubstr("role standalone no longer exists"));
}

TEST(GateRenameDelete, DeletedEnvironmentSelectsTheRolesRunningInIt) {
  ScratchGitRepo repo;
  repo.remove("environments/production.json");
  repo.commit("no production");
  const auto analysis = analyze_change(repo.path(), "main");
  // memcached reached the pinned cookbook; redis has a production env_run_lists entry.
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("memcached", "redis"));
  EXPECT_THAT(reasons_of(analysis, "redis"),
              ElementsAre("environment production was deleted; role redis has an env_run_lists "
                          "entry for it"));
}

TEST(GateRenameDelete, DeletedDataBagSelectsItsReaders) {
  ScratchGitRepo repo;
  repo.remove("data_bags/app_secrets");
  repo.commit("no secrets");
  EXPECT_THAT(analyze_change(repo.path(), "main").selection.role_names(),
              ElementsAre("app", "ops"));
}

TEST(GateRenameDelete, NewRoleIsSelected) {
  ScratchGitRepo repo;
  repo.write("roles/cache.json", ScratchGitRepo::role("cache", R"(["recipe[memcached]"])"));
  repo.commit("new role");
  const auto analysis = analyze_change(repo.path(), "main");
  EXPECT_THAT(analysis.selection.role_names(), ElementsAre("cache"));
  EXPECT_THAT(reasons_of(analysis, "cache"),
              ElementsAre("role cache changed (roles/cache.json added)"));
}

}  // namespace
}  // namespace proofbox::specs::gate
