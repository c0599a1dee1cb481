// write_snapshot then read_snapshot gives back the same ChefData, as a directory and as a tar.gz.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "support/sample_chef_data.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::backup {
namespace {

using ::testing::HasSubstr;
using testing::read_file;
using testing::sample_chef_data;
using testing::TempDir;

void expect_same(const ChefData& a, const ChefData& b) {
  EXPECT_EQ(a.nodes, b.nodes);
  EXPECT_EQ(a.roles, b.roles);
  EXPECT_EQ(a.environments, b.environments);
  EXPECT_EQ(a.clients, b.clients);
  EXPECT_EQ(a.users, b.users);
  EXPECT_EQ(a.data_bags, b.data_bags);
  EXPECT_EQ(a.cookbooks, b.cookbooks);
  EXPECT_EQ(a.cookbook_artifacts, b.cookbook_artifacts);
  EXPECT_EQ(a.policies, b.policies);
  EXPECT_EQ(a.policy_groups, b.policy_groups);
  EXPECT_EQ(a.files, b.files);
  EXPECT_EQ(a.described, b.described);
}

mode_t mode_of(const std::filesystem::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

const SnapshotInfo kInfo{"https://chef.example.test", "acme", "2026-11-23T10:00:00Z"};

class RoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(RoundTrip, EveryKindComesBackTheSame) {
  TempDir tmp;
  const ChefData data = sample_chef_data();
  const auto path = tmp / ("snap" + GetParam());
  write_snapshot(data, path, kInfo);
  SnapshotInfo info;
  const ChefData back = read_snapshot(path, &info);
  expect_same(data, back);
  EXPECT_EQ(info.server, kInfo.server);
  EXPECT_EQ(info.org, kInfo.org);
  EXPECT_EQ(info.time, kInfo.time);
  ASSERT_EQ(back.data_bags.count("empty"), 1u);
  EXPECT_TRUE(back.data_bags.at("empty").empty());
  EXPECT_EQ(back.files.at(testing::md5_hex(testing::binary_bytes())), testing::binary_bytes());
  EXPECT_EQ(back.nodes.count("nœud-ü"), 1u);
}

TEST_P(RoundTrip, KeepsWhichKindsTheSourceDescribed) {
  TempDir tmp;
  ChefData data;
  data.described = {"roles", "cookbooks"};
  data.roles["web"] = Json{{"name", "web"}};
  const auto path = tmp / ("repo" + GetParam());
  write_snapshot(data, path, kInfo);
  EXPECT_EQ(read_snapshot(path).described, data.described);
}

TEST_P(RoundTrip, DropsFileUrlsWhichExpire) {
  TempDir tmp;
  ChefData data = sample_chef_data();
  data.cookbooks["apache2-1.0.0"]["all_files"][0]["url"] = "https://s3.example.test/signed?x=1";
  const auto path = tmp / ("urls" + GetParam());
  write_snapshot(data, path, kInfo);
  const ChefData back = read_snapshot(path);
  EXPECT_FALSE(back.cookbooks.at("apache2-1.0.0")["all_files"][0].contains("url"));
  EXPECT_EQ(back.cookbooks.at("apache2-1.1.0"), data.cookbooks.at("apache2-1.1.0"));
}

TEST_P(RoundTrip, ReplacesAnEarlierSnapshot) {
  TempDir tmp;
  const auto path = tmp / ("again" + GetParam());
  write_snapshot(sample_chef_data(), path, kInfo);
  ChefData smaller;
  smaller.describe_all();
  smaller.nodes["only"] = Json{{"name", "only"}};
  write_snapshot(smaller, path, kInfo);
  const ChefData back = read_snapshot(path);
  EXPECT_EQ(back.nodes.size(), 1u);
  EXPECT_TRUE(back.cookbooks.empty());
  // No temporary siblings are left behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(tmp.path()),
                          std::filesystem::directory_iterator()),
            1);
}

INSTANTIATE_TEST_SUITE_P(DirAndArchive, RoundTrip, ::testing::Values("", ".tar.gz", ".tgz"),
                         [](const auto& info) {
                           return info.param.empty()     ? std::string("dir")
                                  : info.param == ".tgz" ? "tgz"
                                                         : "targz";
                         });

TEST(SnapshotLayout, IsAKnifeDownloadShapedTree) {
  TempDir tmp;
  const auto dir = tmp / "snap";
  write_snapshot(sample_chef_data(), dir, kInfo);
  for (const char* entry :
       {"manifest.json", "nodes/web01.json", "roles/web.json", "environments/production.json",
        "clients/web01.json", "users/alice.json", "data_bags/users/bob.json",
        "policies/app-aaaa1111.json", "policy_groups/prod.json",
        "cookbooks/apache2-1.0.0/recipes/default.rb", "cookbooks/apache2-1.0.0/metadata.rb",
        "cookbooks/apache2-1.0.0/_cookbook_version.json",
        "cookbook_artifacts/apache2-0123abcd/recipes/default.rb"}) {
    EXPECT_TRUE(std::filesystem::is_regular_file(dir / entry)) << entry;
  }
  EXPECT_TRUE(std::filesystem::is_directory(dir / "data_bags/empty"));
  EXPECT_EQ(read_file(dir / "cookbooks/apache2-1.0.0/files/default/logo.png"),
            testing::binary_bytes());
}

TEST(SnapshotLayout, JsonIsPrettyAndSorted) {
  TempDir tmp;
  const auto dir = tmp / "snap";
  write_snapshot(sample_chef_data(), dir, kInfo);
  const std::string text = read_file(dir / "nodes/web01.json");
  EXPECT_EQ(text,
            "{\n"
            "  \"chef_environment\": \"production\",\n"
            "  \"name\": \"web01\",\n"
            "  \"normal\": {\n"
            "    \"tags\": []\n"
            "  },\n"
            "  \"run_list\": [\n"
            "    \"role[web]\"\n"
            "  ]\n"
            "}\n");
  EXPECT_THAT(read_file(dir / "nodes/nœud-ü.json"), HasSubstr("\"nœud-ü\""));
}

TEST(SnapshotLayout, ManifestAndPrivateKeysAreOwnerOnly) {
  TempDir tmp;
  const auto dir = tmp / "snap";
  write_snapshot(sample_chef_data(), dir, kInfo);
  EXPECT_EQ(mode_of(dir / "manifest.json"), 0600u);
  EXPECT_EQ(mode_of(dir / "clients/validator.json"), 0600u);
  EXPECT_EQ(mode_of(dir / "clients/web01.json"), 0644u);
  EXPECT_EQ(mode_of(dir), 0700u);
  const auto archive = tmp / "snap.tar.gz";
  write_snapshot(sample_chef_data(), archive, kInfo);
  EXPECT_EQ(mode_of(archive), 0600u);
}

TEST(SnapshotLayout, ManifestCountsAndHashesEveryFile) {
  TempDir tmp;
  const auto dir = tmp / "snap";
  write_snapshot(sample_chef_data(), dir, kInfo);
  const Json manifest = Json::parse(read_file(dir / "manifest.json"));
  EXPECT_EQ(manifest["format"], "proofbox-snapshot");
  EXPECT_EQ(manifest["format_version"], 1);
  EXPECT_EQ(manifest["counts"]["nodes"], 2);
  EXPECT_EQ(manifest["counts"]["data_bags"], 2);
  EXPECT_EQ(manifest["data_bags"], (Json{"empty", "secrets", "users"}));
  EXPECT_EQ(manifest["sha256"]["nodes/web01.json"].get<std::string>().size(), 64u);
  EXPECT_EQ(manifest["sha256"].count("cookbooks/apache2-1.0.0/files/default/logo.png"), 1u);
}

TEST(SnapshotWrite, RefusesANameThatIsNotAFileName) {
  TempDir tmp;
  ChefData data;
  data.nodes["../escape"] = Json::object();
  EXPECT_THROW(write_snapshot(data, tmp / "snap", kInfo), SnapshotError);
  EXPECT_FALSE(std::filesystem::exists(tmp / "snap"));
  EXPECT_FALSE(std::filesystem::exists(tmp.path().parent_path() / "escape.json"));
}

TEST(SnapshotWrite, RefusesACookbookFileWithoutBytes) {
  TempDir tmp;
  ChefData data = sample_chef_data();
  data.files.erase(testing::md5_hex(testing::binary_bytes()));
  try {
    write_snapshot(data, tmp / "snap", kInfo);
    FAIL() << "wrote a snapshot missing a file";
  } catch (const SnapshotError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cookbooks/apache2-1.0.0/files/default/logo.png"));
  }
}

TEST(SnapshotWrite, RefusesToReplaceSomethingThatIsNotASnapshot) {
  TempDir tmp;
  testing::write_file(tmp / "precious/notes.txt", "keep me");
  EXPECT_THROW(write_snapshot(sample_chef_data(), tmp / "precious", kInfo), SnapshotError);
  EXPECT_EQ(read_file(tmp / "precious/notes.txt"), "keep me");
}

}  // namespace
}  // namespace proofbox::backup

namespace proofbox::backup {
namespace {

TEST(SnapshotInterop, ReadsADirectorySnapshotTarredByTar) {
  testing::TempDir tmp;
  const ChefData data = testing::sample_chef_data();
  write_snapshot(data, tmp / "snap", kInfo);
  const std::string command =
      "tar -C '" + (tmp / "snap").string() + "' -czf '" + (tmp / "by-tar.tgz").string() + "' .";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  expect_same(data, read_snapshot(tmp / "by-tar.tgz"));
}

TEST(SnapshotInterop, TarListsOurArchive) {
  testing::TempDir tmp;
  write_snapshot(testing::sample_chef_data(), tmp / "snap.tar.gz", kInfo);
  const std::string command =
      "tar -tzf '" + (tmp / "snap.tar.gz").string() + "' > '" + (tmp / "list").string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  EXPECT_THAT(testing::read_file(tmp / "list"),
              HasSubstr("cookbooks/apache2-1.0.0/templates/default/é.conf.erb"));
}

}  // namespace
}  // namespace proofbox::backup
