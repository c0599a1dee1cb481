#include "proofbox/backup/source.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "support/sample_chef_data.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::backup {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

const SnapshotInfo kInfo{"test", "acme", "2026-11-23T10:00:00Z"};

std::string load_error(const std::string& spec, const SourceReaders& readers = {}) {
  try {
    load_source(spec, readers);
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

TEST(Source, SnapshotDirectoryAndArchive) {
  TempDir tmp;
  const ChefData data = testing::sample_chef_data();
  write_snapshot(data, tmp / "snap", kInfo);
  write_snapshot(data, tmp / "snap.tgz", kInfo);
  EXPECT_EQ(classify_source((tmp / "snap").string()), SourceKind::Snapshot);
  EXPECT_EQ(classify_source((tmp / "snap.tgz").string()), SourceKind::Snapshot);
  EXPECT_EQ(load_source((tmp / "snap").string()).nodes, data.nodes);
  EXPECT_EQ(load_source((tmp / "snap.tgz").string()).cookbooks, data.cookbooks);
}

TEST(Source, ChefRepoGoesToTheRepoReader) {
  TempDir tmp;
  std::filesystem::create_directories(tmp / "repo/roles");
  const std::string repo = (tmp / "repo").string();
  EXPECT_EQ(classify_source(repo), SourceKind::Repo);
  EXPECT_THAT(load_error(repo), HasSubstr("no chef-repo reader given"));
  SourceReaders readers;
  std::string asked;
  readers.repo = [&](const std::string& path) {
    asked = path;
    ChefData data;
    data.described = {"roles"};
    data.roles["from-repo"] = Json::object();
    return data;
  };
  EXPECT_EQ(load_source(repo, readers).roles.count("from-repo"), 1u);
  EXPECT_EQ(asked, repo);
}

TEST(Source, UrlGoesToTheServerReader) {
  EXPECT_EQ(classify_source("https://chef.example.test/organizations/acme"), SourceKind::Server);
  EXPECT_EQ(classify_source("http://127.0.0.1:8889"), SourceKind::Server);
  EXPECT_THAT(load_error("http://127.0.0.1:8889"), HasSubstr("no server reader given"));
}

TEST(Source, RefusesWhatIsNoneOfThem) {
  TempDir tmp;
  std::filesystem::create_directories(tmp / "plain/stuff");
  EXPECT_THAT(load_error((tmp / "plain").string()), HasSubstr("not a snapshot"));
  EXPECT_THAT(load_error((tmp / "missing").string()), HasSubstr("no such file or directory"));
  EXPECT_THAT(load_error((tmp / "missing.tar.gz").string()), HasSubstr("no such file"));
}

TEST(Source, ABrokenSnapshotIsAnError) {
  TempDir tmp;
  write_snapshot(testing::sample_chef_data(), tmp / "snap", kInfo);
  testing::write_file(tmp / "snap/roles/web.json", "{}");
  EXPECT_THAT(load_error((tmp / "snap").string()), HasSubstr("roles/web.json: sha256"));
}

}  // namespace
}  // namespace proofbox::backup
