// What the gate says when it cannot decide: clear one-line errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/specs/gate/gate.hpp"
#include "proofbox/specs/gate/gate_error.hpp"
#include "scratch_git_repo.hpp"

namespace proofbox::specs::gate {
namespace {

using ::testing::HasSubstr;
using testing::ScratchGitRepo;

std::string error_of(const std::filesystem::path& repo, const std::string& ref) {
  try {
    analyze_change(repo, ref);
  } catch (const GateError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(GateErrors, NotAGitRepo) {
  backup::testing::TempDir dir;
  backup::testing::write_file(dir / "roles/web.json", R"({"name": "web"})");
  EXPECT_THAT(error_of(dir.path(), "main"), HasSubstr("is not inside a git work tree"));
}

TEST(GateErrors, MissingDirectory) {
  backup::testing::TempDir dir;
  EXPECT_THAT(error_of(dir / "absent", "main"), HasSubstr("is not a directory"));
}

TEST(GateErrors, UnknownBaseRef) {
  ScratchGitRepo repo;
  EXPECT_THAT(error_of(repo.path(), "origin/nope"),
              HasSubstr("unknown base ref 'origin/nope': no such commit"));
}

TEST(GateErrors, RefThatLooksLikeAnOption) {
  ScratchGitRepo repo;
  EXPECT_THAT(error_of(repo.path(), "--output=/tmp/x"), HasSubstr("unknown base ref"));
}

TEST(GateErrors, UnrelatedHistory) {
  ScratchGitRepo repo;
  repo.git("checkout -q --orphan island");
  repo.commit("alone");
  EXPECT_THAT(error_of(repo.path(), "main"), HasSubstr("have no common history"));
}

TEST(GateErrors, BrokenRepoAtHeadNamesTheFile) {
  ScratchGitRepo repo;
  repo.write("roles/app.json", "{\"name\": \"app\",\n \"run_list\": [\n");
  repo.commit("broken");
  const std::string error = error_of(repo.path(), "main");
  EXPECT_THAT(error, HasSubstr("the repo at HEAD does not load"));
  EXPECT_THAT(error, HasSubstr("roles/app.json"));
}

TEST(GateErrors, BrokenBaseIsOnlyANote) {
  ScratchGitRepo repo;
  repo.write("roles/app.json", "{ broken");
  repo.commit("broken");
  repo.git("checkout -q -b fixed");
  repo.write("roles/app.json", ScratchGitRepo::role("app", R"(["recipe[app]"])"));
  repo.commit("fixed");
  const auto analysis = analyze_change(repo.path(), "feature");
  EXPECT_THAT(analysis.selection.role_names(), ::testing::ElementsAre("app"));
  ASSERT_FALSE(analysis.selection.notes.empty());
  EXPECT_THAT(analysis.selection.notes.back(), HasSubstr("does not load at the base commit"));
}

}  // namespace
}  // namespace proofbox::specs::gate
