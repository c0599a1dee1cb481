#include "proofbox/backup/repo/chefignore.hpp"

#include <gtest/gtest.h>

#include "repo/temp_repo.hpp"

namespace proofbox::backup::repo {
namespace {

TEST(Chefignore, SkipsCommentsAndBlankLinesAndTrims) {
  const auto ignore =
      Chefignore::parse("# editors\n*~\n\n   \n  *.swp  \n\t# indented comment\nspec/*\r\n");
  EXPECT_EQ(ignore.patterns(), (std::vector<std::string>{"*~", "*.swp", "spec/*"}));
}

TEST(Chefignore, GlobsMatchLikeRubyFnmatchWithoutFlags) {
  const auto ignore = Chefignore::parse("*~\n*.sw[a-z]\nspec/*\nREADME.orig\n.kitchen.yml\n");
  EXPECT_TRUE(ignore.ignored("recipes/default.rb~"));  // "*" crosses "/"
  EXPECT_TRUE(ignore.ignored("recipes/.default.rb.swp"));
  EXPECT_TRUE(ignore.ignored("spec/unit/default_spec.rb"));
  EXPECT_TRUE(ignore.ignored("README.orig"));
  EXPECT_TRUE(ignore.ignored(".kitchen.yml"));
  EXPECT_FALSE(ignore.ignored("recipes/default.rb"));
  EXPECT_FALSE(ignore.ignored("files/default/spec/x"));  // anchored at the start
  EXPECT_FALSE(ignore.ignored("templates/README.orig.erb"));
}

TEST(Chefignore, LeadingDotNeedsAnExplicitDot) {
  const auto ignore = Chefignore::parse("*.yml\n");
  EXPECT_TRUE(ignore.ignored("config.yml"));
  EXPECT_FALSE(ignore.ignored(".kitchen.yml"));
  EXPECT_TRUE(ignore.ignored("files/.hidden.yml"));  // only the very first character counts
}

TEST(Chefignore, FindsTheNearestFileUpToTheRepoRoot) {
  testing::TempRepo repo;
  repo.mkdir("cookbooks/a");
  repo.write("cookbooks/b/chefignore", "*.b\n");
  repo.write("cookbooks/chefignore", "*.cookbooks\n");
  repo.mkdir("site-cookbooks/c");
  RepoRoot root(repo.root());

  const auto a = Chefignore::find(repo / "cookbooks/a", root);
  EXPECT_EQ(a.patterns(), (std::vector<std::string>{"*.cookbooks"}));
  EXPECT_EQ(a.source(), repo / "cookbooks/chefignore");
  // The cookbook's own file wins over the one further up.
  EXPECT_EQ(Chefignore::find(repo / "cookbooks/b", root).patterns(),
            (std::vector<std::string>{"*.b"}));
  EXPECT_TRUE(Chefignore::find(repo / "site-cookbooks/c", root).patterns().empty());

  repo.write("chefignore", "*.root\n");
  EXPECT_EQ(Chefignore::find(repo / "site-cookbooks/c", root).patterns(),
            (std::vector<std::string>{"*.root"}));
}

TEST(Chefignore, StopsAtTheRepoRoot) {
  testing::TempRepo outer;
  outer.write("chefignore", "*\n");  // above the repo: must not apply
  outer.mkdir("repo/cookbooks/a");
  RepoRoot root(outer / "repo");
  EXPECT_TRUE(Chefignore::find(outer / "repo/cookbooks/a", root).patterns().empty());
}

}  // namespace
}  // namespace proofbox::backup::repo
