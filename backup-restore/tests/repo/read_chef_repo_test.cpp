#include "proofbox/backup/repo/read_chef_repo.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "proofbox/backup/repo/cookbook_manifest.hpp"
#include "proofbox/backup/repo/json_file.hpp"
#include "proofbox/backup/repo/repo_error.hpp"
#include "repo/temp_repo.hpp"

namespace proofbox::backup::repo {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

const std::filesystem::path kFixture =
    std::filesystem::path(PROOFBOX_SOURCE_DIR) / "fixtures/chef-repo";

std::set<std::string> keys(const Objects& objects) {
  std::set<std::string> out;
  for (const auto& [key, value] : objects) out.insert(key);
  return out;
}

std::set<std::string> paths_of(const Json& cookbook) {
  std::set<std::string> out;
  for (const auto& record : cookbook["all_files"]) out.insert(record["path"]);
  return out;
}

class FixtureRepo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { data_ = new ChefData(read_chef_repo(kFixture)); }
  static void TearDownTestSuite() { delete data_; }
  static ChefData* data_;
};
ChefData* FixtureRepo::data_ = nullptr;

TEST_F(FixtureRepo, ReadsEveryKindItSpeaksFor) {
  const ChefData& d = *data_;
  EXPECT_EQ(d.described,
            (std::set<std::string>{"cookbooks", "data_bags", "environments", "nodes", "roles"}));
  EXPECT_EQ(keys(d.cookbooks), (std::set<std::string>{"chrony-3.0.2", "memcached-2.1.3",
                                                      "nginx_lite-0.3.0", "webapp-1.4.0"}));
  EXPECT_EQ(keys(d.roles), (std::set<std::string>{"base", "cache", "web"}));
  EXPECT_EQ(keys(d.environments), (std::set<std::string>{"production", "staging"}));
  EXPECT_EQ(keys(d.nodes), (std::set<std::string>{"cache01.example.com", "web01.example.com"}));
  EXPECT_EQ(keys(d.data_bags.at("users")), (std::set<std::string>{"alice", "deploy"}));
  EXPECT_TRUE(d.clients.empty());
  EXPECT_TRUE(d.users.empty());
}

TEST_F(FixtureRepo, EveryManifestRecordHasItsBytesAndNoUrl) {
  std::size_t records = 0;
  for (const auto& [key, cookbook] : data_->cookbooks) {
    EXPECT_EQ(key, cookbook["name"]);
    for (const auto& record : cookbook["all_files"]) {
      ++records;
      EXPECT_FALSE(record.contains("url"));
      const auto bytes = data_->files.find(record["checksum"]);
      ASSERT_NE(bytes, data_->files.end()) << record.dump();
      EXPECT_EQ(md5_hex(bytes->second), record["checksum"]);
    }
  }
  EXPECT_GE(records, 25u);
}

TEST_F(FixtureRepo, ChefignoreFromCookbooksDirAndFromTheCookbookItself) {
  const auto memcached = paths_of(data_->cookbooks.at("memcached-2.1.3"));
  EXPECT_THAT(memcached, Contains("templates/ubuntu-22.04/memcached.conf.erb"));
  EXPECT_THAT(memcached, Not(Contains("spec/default_spec.rb")));
  EXPECT_THAT(memcached, Not(Contains("test/integration/default/memcached_test.rb")));
  EXPECT_THAT(memcached, Not(Contains(".kitchen.yml")));
  const auto nginx = paths_of(data_->cookbooks.at("nginx_lite-0.3.0"));
  EXPECT_THAT(nginx, Contains("templates/nginx.conf.erb"));
  EXPECT_THAT(nginx, Not(Contains("templates/nginx.conf.erb.bak")));
}

TEST_F(FixtureRepo, SpecificityOfPlatformHostAndRootTemplates) {
  std::map<std::string, std::string> specificity;
  for (const auto& [key, cookbook] : data_->cookbooks) {
    for (const auto& record : cookbook["all_files"])
      specificity[record["path"]] = record["specificity"];
  }
  EXPECT_EQ(specificity["templates/ubuntu-22.04/memcached.conf.erb"], "ubuntu-22.04");
  EXPECT_EQ(specificity["templates/host-web01.example.com/app.conf.erb"], "host-web01.example.com");
  EXPECT_EQ(specificity["templates/nginx.conf.erb"], "root_default");
  EXPECT_EQ(specificity["files/default/healthcheck.sh"], "default");
}

TEST_F(FixtureRepo, RubyMetadataIsEvaluated) {
  const Json& md = data_->cookbooks.at("webapp-1.4.0")["metadata"];
  EXPECT_EQ(md["dependencies"],
            (Json{{"memcached", "~> 2.1"}, {"nginx_lite", ">= 0.3"}, {"chrony", ">= 0.0.0"}}));
  // long_description reads README.md next to metadata.rb.
  EXPECT_EQ(md["long_description"], read_file_bytes(kFixture / "cookbooks/webapp/README.md"));
  EXPECT_EQ(md["recipes"]["webapp::deploy"], "Checks out and links the current release");
  EXPECT_EQ(data_->cookbooks.at("chrony-3.0.2")["metadata"]["chef_versions"], (Json{{">= 15.3"}}));
}

TEST_F(FixtureRepo, RubyAndJsonObjectsAreComplete) {
  EXPECT_EQ(data_->roles.at("web")["env_run_lists"],
            (Json{{"staging", {"role[base]", "recipe[webapp]", "recipe[webapp::deploy]"}}}));
  EXPECT_EQ(data_->roles.at("cache")["run_list"], (Json{"role[base]", "recipe[memcached]"}));
  EXPECT_EQ(data_->environments.at("production")["cookbook_versions"],
            (Json{{"webapp", "= 1.4.0"}, {"memcached", "~> 2.1"}, {"nginx_lite", ">= 0.3.0"}}));
  EXPECT_EQ(data_->nodes.at("cache01.example.com")["chef_environment"], "production");
  // The encrypted item is stored exactly as the file has it.
  EXPECT_EQ(data_->data_bags.at("secrets").at("db"),
            read_json_object(kFixture / "data_bags/secrets/db.json"));
}

TEST(ReadChefRepo, NodesAndClientsAreDescribedOnlyWhenPresent) {
  testing::TempRepo repo;
  repo.mkdir("roles");
  ChefData bare = read_chef_repo(repo.root());
  EXPECT_EQ(bare.described,
            (std::set<std::string>{"cookbooks", "data_bags", "environments", "roles"}));
  repo.mkdir("nodes");
  repo.write("clients/ci.json", "{}");
  ChefData more = read_chef_repo(repo.root());
  EXPECT_TRUE(more.describes("nodes"));
  EXPECT_TRUE(more.describes("clients"));
  EXPECT_EQ(more.clients.at("ci")["clientname"], "ci");
}

TEST(ReadChefRepo, SameObjectInJsonAndRubyIsAmbiguous) {
  testing::TempRepo repo;
  repo.write("roles/web.json", R"({"name": "web"})");
  repo.write("roles/web.rb", "name 'web'\n");
  EXPECT_THROW(read_chef_repo(repo.root()), RepoError);
}

TEST(ReadChefRepo, OneCookbookNameOnTheCookbookPathTwiceIsAnError) {
  testing::TempRepo repo;
  repo.write("cookbooks/a/metadata.rb", "name 'a'\n");
  repo.write("site-cookbooks/a/metadata.rb", "name 'a'\n");
  try {
    read_chef_repo(repo.root());
    FAIL() << "no error";
  } catch (const RepoError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cookbook 'a' is also in"));
  }
}

TEST(ReadChefRepo, SymlinksAreNotFollowedOutOfTheRepo) {
  testing::TempRepo outside;
  outside.write("evil.json", R"({"name": "evil"})");
  outside.write("cookbook/metadata.rb", "name 'evil'\n");
  outside.write("bag/item.json", R"({"id": "item"})");
  testing::TempRepo repo;
  repo.write("roles/good.json", R"({"name": "good"})");
  std::filesystem::create_symlink(outside / "evil.json", repo / "roles/evil.json");
  repo.mkdir("cookbooks");
  std::filesystem::create_symlink(outside / "cookbook", repo / "cookbooks/evil");
  repo.mkdir("data_bags");
  std::filesystem::create_symlink(outside / "bag", repo / "data_bags/evil");
  // Links that stay inside the repo are fine.
  repo.write("shared/web.json", R"({"name": "web"})");
  std::filesystem::create_symlink("../shared/web.json", repo / "roles/web.json");

  std::vector<std::string> skipped;
  const ChefData d = read_chef_repo(repo.root(), &skipped);
  EXPECT_EQ(keys(d.roles), (std::set<std::string>{"good", "web"}));
  EXPECT_TRUE(d.cookbooks.empty());
  EXPECT_TRUE(d.data_bags.empty());
  EXPECT_EQ(skipped.size(), 3u);
  EXPECT_THAT(skipped, Contains(HasSubstr("roles/evil.json: symlink leads outside the repo")));
}

TEST(ReadChefRepo, EmptyDataBagIsKept) {
  testing::TempRepo repo;
  repo.mkdir("data_bags/empty");
  const ChefData d = read_chef_repo(repo.root());
  ASSERT_EQ(d.data_bags.count("empty"), 1u);
  EXPECT_TRUE(d.data_bags.at("empty").empty());
}

TEST(ReadChefRepo, MissingRepoIsAnError) {
  testing::TempRepo repo;
  EXPECT_THROW(read_chef_repo(repo / "nope"), RepoError);
}

TEST(ReadChefRepo, ErrorsCarryTheFileAndLine) {
  testing::TempRepo repo;
  repo.write("environments/prod.rb",
             "name 'prod'\ncookbook 'a', '= 1.0'\ncookbook 'b', 'latest'\n");
  try {
    read_chef_repo(repo.root());
    FAIL() << "no error";
  } catch (const RepoError& e) {
    EXPECT_EQ(e.file(), repo / "environments/prod.rb");
    EXPECT_EQ(e.line(), 3);
  }
}

}  // namespace
}  // namespace proofbox::backup::repo
