#include "proofbox/backup/repo/cookbook_loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/backup/repo/cookbook_manifest.hpp"
#include "proofbox/backup/repo/repo_error.hpp"
#include "repo/temp_repo.hpp"

namespace proofbox::backup::repo {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> paths(const LoadedCookbook& cookbook) {
  std::vector<std::string> out;
  for (const auto& record : cookbook.document["all_files"]) out.push_back(record["path"]);
  return out;
}

LoadedCookbook load(testing::TempRepo& repo, const char* dir) {
  RepoRoot root(repo.root());
  auto cookbook = load_cookbook(repo / dir, root);
  if (!cookbook) throw std::runtime_error("no cookbook");
  return *cookbook;
}

TEST(CookbookLoader, BuildsTheVersionDocumentKnifeUploads) {
  testing::TempRepo repo;
  repo.write("cookbooks/app/metadata.rb", "name 'app'\nversion '1.2.0'\ndepends 'base'\n");
  repo.write("cookbooks/app/recipes/default.rb", "package 'app'\n");
  repo.write("cookbooks/app/recipes/deploy.rb", "directory '/srv'\n");
  repo.write("cookbooks/app/templates/ubuntu-20.04/app.erb", "u\n");
  const auto cookbook = load(repo, "cookbooks/app");

  EXPECT_EQ(cookbook.name, "app");
  EXPECT_EQ(cookbook.version, "1.2.0");
  const Json& doc = cookbook.document;
  EXPECT_EQ(doc["name"], "app-1.2.0");
  EXPECT_EQ(doc["cookbook_name"], "app");
  EXPECT_EQ(doc["version"], "1.2.0");
  EXPECT_EQ(doc["frozen?"], false);
  EXPECT_EQ(doc["json_class"], "Chef::CookbookVersion");
  EXPECT_EQ(doc["chef_type"], "cookbook_version");
  EXPECT_EQ(doc["metadata"]["dependencies"], (Json{{"base", ">= 0.0.0"}}));
  // Recipes found on disk are listed, as CookbookVersion#metadata= does.
  EXPECT_EQ(doc["metadata"]["recipes"], (Json{{"app", ""}, {"app::deploy", ""}}));
  EXPECT_EQ(doc["metadata"]["providing"], (Json{{"app", ">= 0.0.0"}, {"app::deploy", ">= 0.0.0"}}));

  EXPECT_THAT(paths(cookbook), ElementsAre("metadata.rb", "recipes/default.rb", "recipes/deploy.rb",
                                           "templates/ubuntu-20.04/app.erb"));
  const Json& tpl = doc["all_files"][3];
  EXPECT_EQ(tpl["name"], "templates/app.erb");
  EXPECT_EQ(tpl["specificity"], "ubuntu-20.04");
  EXPECT_EQ(tpl["checksum"], md5_hex("u\n"));
  // Every record's bytes are there under its checksum.
  for (const auto& record : doc["all_files"]) {
    ASSERT_TRUE(cookbook.files.count(record["checksum"])) << record.dump();
  }
  EXPECT_EQ(cookbook.files.at(md5_hex("u\n")), "u\n");
}

TEST(CookbookLoader, MetadataJsonWinsOverMetadataRb) {
  testing::TempRepo repo;
  repo.write("cookbooks/x/metadata.rb", "name 'from_rb'\nversion '1.0.0'\n");
  repo.write("cookbooks/x/metadata.json",
             R"({"name": "from_json", "version": "2.0", "dependencies": {"a": ["~> 1.0"]},
                 "attributes": {"old": {}}, "license": "MIT"})");
  const auto cookbook = load(repo, "cookbooks/x");
  EXPECT_EQ(cookbook.name, "from_json");
  EXPECT_EQ(cookbook.version, "2.0.0");
  const Json& md = cookbook.document["metadata"];
  EXPECT_EQ(md["license"], "MIT");
  EXPECT_EQ(md["dependencies"], (Json{{"a", "~> 1.0"}}));
  EXPECT_FALSE(md.contains("attributes"));  // dropped, as Metadata#from_hash does
  EXPECT_EQ(md["maintainer"], "");          // defaults filled
  // Both files are still uploaded.
  EXPECT_THAT(paths(cookbook), ElementsAre("metadata.json", "metadata.rb"));
}

TEST(CookbookLoader, RubyAndJsonMetadataGiveTheSameDocument) {
  testing::TempRepo repo;
  repo.write("rb/c/metadata.rb", R"(name 'c'
version '0.1.0'
maintainer 'M'
depends 'a', '>= 1.0'
supports 'ubuntu'
chef_version '>= 16'
)");
  repo.write("json/c/metadata.json", R"({"name": "c", "version": "0.1.0", "maintainer": "M",
    "dependencies": {"a": ">= 1.0"}, "platforms": {"ubuntu": ">= 0.0.0"},
    "chef_versions": [[">= 16"]]})");
  EXPECT_EQ(load(repo, "rb/c").document["metadata"], load(repo, "json/c").document["metadata"]);
}

TEST(CookbookLoader, MissingNameIsAnErrorNamingTheMetadataFile) {
  testing::TempRepo repo;
  repo.write("cookbooks/noname/metadata.rb", "version '1.0.0'\n");
  try {
    load(repo, "cookbooks/noname");
    FAIL() << "no error";
  } catch (const RepoError& e) {
    EXPECT_EQ(e.file(), repo / "cookbooks/noname/metadata.rb");
    EXPECT_THAT(e.what(), HasSubstr("`name' attribute is required"));
  }
  repo.write("cookbooks/jsonname/metadata.json", R"({"version": "1.0.0"})");
  EXPECT_THROW(load(repo, "cookbooks/jsonname"), RepoError);
}

TEST(CookbookLoader, NoMetadataIsAnErrorUnlessTheDirectoryIsEmpty) {
  testing::TempRepo repo;
  repo.write("cookbooks/stray/recipes/default.rb", "x\n");
  repo.mkdir("cookbooks/empty");
  RepoRoot root(repo.root());
  EXPECT_THROW(load_cookbook(repo / "cookbooks/stray", root), RepoError);
  EXPECT_FALSE(load_cookbook(repo / "cookbooks/empty", root).has_value());
}

TEST(CookbookLoader, BadMetadataJsonNamesTheLine) {
  testing::TempRepo repo;
  repo.write("cookbooks/bad/metadata.json", "{\n  \"name\": \"bad\",\n  \"version\": 1.0.0\n}\n");
  try {
    load(repo, "cookbooks/bad");
    FAIL() << "no error";
  } catch (const RepoError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_THAT(e.what(), HasSubstr("metadata.json:3: invalid JSON"));
  }
}

TEST(CookbookLoader, ChefignoreAndDotDirectoriesKeepFilesOut) {
  testing::TempRepo repo;
  repo.write("cookbooks/chefignore", "# not uploaded\nspec/*\n*~\n.kitchen.yml\n");
  repo.write("cookbooks/c/metadata.rb", "name 'c'\n");
  repo.write("cookbooks/c/recipes/default.rb", "x\n");
  repo.write("cookbooks/c/recipes/default.rb~", "backup\n");
  repo.write("cookbooks/c/spec/default_spec.rb", "spec\n");
  repo.write("cookbooks/c/.kitchen.yml", "k\n");
  repo.write("cookbooks/c/.rubocop.yml", "r\n");  // top-level dotfiles are kept
  repo.write("cookbooks/c/.git/HEAD", "ref\n");   // top-level dot directories are not
  repo.write("cookbooks/c/files/default/.keep", "");
  repo.write("cookbooks/c/.uploaded-cookbook-version.json", "{}");
  const auto cookbook = load(repo, "cookbooks/c");
  EXPECT_THAT(paths(cookbook), ElementsAre(".rubocop.yml", "files/default/.keep", "metadata.rb",
                                           "recipes/default.rb"));
}

TEST(CookbookLoader, IgnoredRecipesAreNotListedInMetadata) {
  testing::TempRepo repo;
  repo.write("cookbooks/c/chefignore", "recipes/wip.rb\n");
  repo.write("cookbooks/c/metadata.rb", "name 'c'\n");
  repo.write("cookbooks/c/recipes/default.rb", "x\n");
  repo.write("cookbooks/c/recipes/wip.rb", "y\n");
  repo.write("cookbooks/c/recipes/sub/nested.rb", "z\n");  // not a recipe: recipes/*.rb only
  const auto cookbook = load(repo, "cookbooks/c");
  EXPECT_EQ(cookbook.document["metadata"]["recipes"], (Json{{"c", ""}}));
}

TEST(CookbookLoader, SymlinksInsideTheRepoAreFilesOutsideAreSkipped) {
  testing::TempRepo outside;
  outside.write("secret.txt", "do not read\n");
  outside.write("secretdir/key", "k\n");
  testing::TempRepo repo;
  repo.write("shared/common.rb", "shared\n");
  repo.write("cookbooks/c/metadata.rb", "name 'c'\n");
  repo.mkdir("cookbooks/c/files/default");
  std::filesystem::create_symlink(outside / "secret.txt",
                                  repo / "cookbooks/c/files/default/secret");
  std::filesystem::create_symlink(outside / "secretdir", repo / "cookbooks/c/files/default/dir");
  std::filesystem::create_symlink("../../../../shared/common.rb",
                                  repo / "cookbooks/c/files/default/common.rb");
  RepoRoot root(repo.root());
  const auto cookbook = load_cookbook(repo / "cookbooks/c", root);
  ASSERT_TRUE(cookbook.has_value());
  EXPECT_THAT(paths(*cookbook), ElementsAre("files/default/common.rb", "metadata.rb"));
  EXPECT_EQ(cookbook->files.count(md5_hex("do not read\n")), 0u);
  EXPECT_EQ(root.skipped().size(), 2u);
}

}  // namespace
}  // namespace proofbox::backup::repo
