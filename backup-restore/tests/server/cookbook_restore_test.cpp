// Cookbooks through restore and backup: sandbox uploads of only the files the server lacks,
// PUT ?force=true in v2 form, every version of every cookbook read back with its files
// MD5-verified, idempotence and purge of versions the source lacks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/backup/server/server_reader.hpp"
#include "proofbox/backup/server/server_writer.hpp"
#include "proofbox/zero/model/checksum.hpp"
#include "support/backup_test_support.hpp"
#include "support/sample_data.hpp"

namespace proofbox::backup::server {
namespace {

using testing::SignedServer;
using zero::model::md5_hex;

// A cookbook version in v2 form with its files added to `data.files`.
void add_cookbook(ChefData& data, const std::string& name, const std::string& version,
                  const std::map<std::string, std::string>& files) {
  Json all = Json::array();
  for (const auto& [path, content] : files) {
    std::string sum = md5_hex(content);
    data.files[sum] = content;
    all.push_back(
        Json{{"name", path}, {"path", path}, {"checksum", sum}, {"specificity", "default"}});
  }
  data.cookbooks[name + "-" + version] = Json{{"name", name + "-" + version},
                                              {"cookbook_name", name},
                                              {"version", version},
                                              {"json_class", "Chef::CookbookVersion"},
                                              {"chef_type", "cookbook_version"},
                                              {"frozen?", false},
                                              {"metadata",
                                               {{"name", name},
                                                {"version", version},
                                                {"dependencies", Json::object()},
                                                {"recipes", Json::object()}}},
                                              {"all_files", all}};
}

ChefData cookbook_source() {
  ChefData d;
  add_cookbook(d, "memcached", "2.1.0",
               {{"recipes/default.rb", "package 'memcached'\n"},
                {"templates/default/memcached.conf.erb", "-p <%= @port %>\n"},
                {"files/default/logo.bin", std::string("\x89PNG\r\n\x1a\n\0\0\xff", 11)},
                {"metadata.rb", "name 'memcached'\nversion '2.1.0'\n"}});
  add_cookbook(d, "memcached", "2.0.0",
               {{"recipes/default.rb", "package 'memcached'\n"},  // shared with 2.1.0
                {"metadata.rb", "name 'memcached'\nversion '2.0.0'\n"}});
  add_cookbook(d, "nginx", "1.0.0", {{"recipes/default.rb", "package 'nginx'\n"}});
  d.described = {"cookbooks"};
  return d;
}

class CookbookRestore : public ::testing::Test {
 protected:
  SignedServer server_;
  client::ChefClient client_ = server_.http_client();
};

TEST_F(CookbookRestore, EveryVersionAndItsFilesRoundTrip) {
  ChefData source = cookbook_source();
  RestoreResult result = restore(client_, source);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(result.errors);
  EXPECT_EQ(result.plan.count(Change::Op::kCreate, "cookbooks"), 3u);

  ReadResult backup = read_server(client_);
  ASSERT_TRUE(backup.data.describes("cookbooks"));
  ASSERT_EQ(backup.data.cookbooks.size(), 3u);
  EXPECT_EQ(backup.data.files, source.files);  // every file, downloaded and MD5-verified
  for (const auto& [key, manifest] : source.cookbooks) {
    const Json& got = backup.data.cookbooks.at(key);
    EXPECT_EQ(got["version"], manifest["version"]);
    EXPECT_EQ(got["cookbook_name"], manifest["cookbook_name"]);
    std::set<std::string> paths;
    for (const Json& f : got["all_files"]) {
      EXPECT_FALSE(f.contains("url")) << f;
      paths.insert(f["path"]);
    }
    EXPECT_EQ(paths.size(), manifest["all_files"].size()) << key;
  }

  RestoreResult again = restore(client_, backup.data);
  EXPECT_TRUE(again.ok());
  EXPECT_EQ(again.plan.summary(), "nothing to change");
}

TEST_F(CookbookRestore, UpdatedVersionUploadsOnlyNewFilesAndPurgeDropsOldVersions) {
  ASSERT_TRUE(restore(client_, cookbook_source()).ok());
  ChefData next;
  add_cookbook(
      next, "memcached", "2.1.0",
      {{"recipes/default.rb", "package 'memcached'\n"}, {"recipes/extra.rb", "log 'new file'\n"}});
  next.described = {"cookbooks"};
  RestoreOptions purge;
  purge.purge = true;
  RestoreResult result = restore(client_, next, purge);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(result.errors);
  EXPECT_EQ(result.plan.summary(), "update: cookbooks 1; delete: cookbooks 2");

  ChefData d = read_server(client_).data;
  ASSERT_EQ(d.cookbooks.size(), 1u);
  EXPECT_EQ(d.cookbooks.at("memcached-2.1.0")["all_files"].size(), 2u);
  EXPECT_EQ(d.files.at(md5_hex("log 'new file'\n")), "log 'new file'\n");
}

TEST_F(CookbookRestore, ACorruptDownloadIsAnError) {
  ChefData source = cookbook_source();
  ASSERT_TRUE(restore(client_, source).ok());
  // Overwrite one stored file behind the server's back.
  auto org = server_.store().org("chef");
  auto checksums = org->find("checksums");
  ASSERT_NE(checksums, nullptr);
  checksums->put(md5_hex("package 'nginx'\n"), zero::store::make_document("tampered"));
  EXPECT_THROW(read_server(client_), ServerReadError);
}

}  // namespace
}  // namespace proofbox::backup::server
