// A damaged or hostile snapshot is refused as a whole, with a message naming the bad entry.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "support/crafted_archive.hpp"
#include "support/sample_chef_data.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::backup {
namespace {

using testing::CraftedEntry;
using ::testing::HasSubstr;
using testing::TempDir;

const SnapshotInfo kInfo{"https://chef.example.test", "acme", "2026-11-23T10:00:00Z"};

// The error read_snapshot gives, or "" when it accepted the snapshot.
std::string refusal(const std::filesystem::path& path) {
  try {
    read_snapshot(path);
    return "";
  } catch (const SnapshotError& e) {
    return e.what();
  }
}

class Refusal : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = tmp_ / "good";
    write_snapshot(testing::sample_chef_data(), dir_, kInfo);
    entries_ = testing::entries_of_dir(dir_);
  }
  // The good snapshot's entries plus `extra`, as an archive.
  std::filesystem::path archive_with(std::vector<CraftedEntry> extra) {
    auto entries = entries_;
    entries.insert(entries.end(), extra.begin(), extra.end());
    const auto path = tmp_ / ("crafted" + std::to_string(count_++) + ".tar.gz");
    testing::write_crafted_archive(path, entries);
    return path;
  }
  std::string& entry(const std::string& name) {
    for (auto& e : entries_) {
      if (e.name == name) return e.bytes;
    }
    throw std::runtime_error("no entry " + name);
  }
  // Replaces a file and its sha256 in the manifest, so only the md5 check can catch it.
  void rewrite_with_matching_manifest(const std::string& name, const std::string& bytes);

  TempDir tmp_;
  std::filesystem::path dir_;
  std::vector<CraftedEntry> entries_;
  int count_ = 0;
};

TEST_F(Refusal, TheUntouchedArchiveIsAccepted) {
  // The baseline for every case below: the crafting itself produces a readable snapshot,
  // and one tarred with "./" prefixes as `tar -C DIR -czf X .` writes them.
  EXPECT_EQ(refusal(archive_with({})), "");
  for (auto& e : entries_) e.name = "./" + e.name;
  EXPECT_EQ(refusal(archive_with({{CraftedEntry::Dir, "./", ""}})), "");
}

TEST_F(Refusal, DotDotEntry) {
  EXPECT_THAT(refusal(archive_with({{CraftedEntry::File, "../x", "evil"}})),
              HasSubstr("../x: '..' in a snapshot entry"));
  EXPECT_THAT(refusal(archive_with({{CraftedEntry::File, "nodes/../../x", "evil"}})),
              HasSubstr("nodes/../../x"));
}

TEST_F(Refusal, AbsoluteEntry) {
  EXPECT_THAT(refusal(archive_with({{CraftedEntry::File, "/etc/x", "evil"}})),
              HasSubstr("/etc/x: absolute path"));
}

TEST_F(Refusal, SymlinkOutOfTheTree) {
  EXPECT_THAT(refusal(archive_with({{CraftedEntry::Symlink, "nodes/evil.json", "/etc/passwd"}})),
              HasSubstr("nodes/evil.json: a symbolic link (to /etc/passwd)"));
}

TEST_F(Refusal, HardLink) {
  EXPECT_THAT(refusal(archive_with({{CraftedEntry::Hardlink, "nodes/evil.json", "/etc/shadow"}})),
              HasSubstr("nodes/evil.json: a hard link"));
}

TEST_F(Refusal, DuplicateEntry) {
  EXPECT_THAT(refusal(archive_with({{CraftedEntry::File, "nodes/web01.json", "{}"}})),
              HasSubstr("nodes/web01.json: duplicate entry"));
  EXPECT_THAT(refusal(archive_with({{CraftedEntry::Dir, "data_bags/empty", ""},
                                    {CraftedEntry::Dir, "data_bags/empty", ""}})),
              HasSubstr("data_bags/empty: duplicate entry"));
}

TEST_F(Refusal, CorruptFile) {
  entry("roles/web.json") = R"({"name": "web", "run_list": ["recipe[evil]"]})";
  EXPECT_THAT(refusal(archive_with({})), HasSubstr("roles/web.json: sha256 "
                                                   ""));
  EXPECT_THAT(refusal(archive_with({})), HasSubstr("differs from manifest.json"));
}

TEST_F(Refusal, FileMissingFromTheManifest) {
  EXPECT_THAT(refusal(archive_with({{CraftedEntry::File, "nodes/extra.json", "{}"}})),
              HasSubstr("nodes/extra.json: not listed in manifest.json"));
}

TEST_F(Refusal, FileListedButMissing) {
  std::erase_if(entries_, [](const CraftedEntry& e) { return e.name == "roles/web.json"; });
  EXPECT_THAT(refusal(archive_with({})),
              HasSubstr("roles/web.json: listed in manifest.json but missing"));
}

TEST_F(Refusal, NoManifest) {
  std::erase_if(entries_, [](const CraftedEntry& e) { return e.name == "manifest.json"; });
  EXPECT_THAT(refusal(archive_with({})), HasSubstr("no manifest.json"));
}

TEST_F(Refusal, NewerFormat) {
  Json manifest = Json::parse(entry("manifest.json"));
  manifest["format_version"] = 99;
  entry("manifest.json") = manifest.dump();
  EXPECT_THAT(refusal(archive_with({})), HasSubstr("format version 99 is newer"));
}

void Refusal::rewrite_with_matching_manifest(const std::string& name, const std::string& bytes) {
  Json manifest = Json::parse(entry("manifest.json"));
  // The test computes the sha256 the way a careless editor's tool would: correctly.
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), out, &len, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) {
    hex += "0123456789abcdef"[out[i] >> 4];
    hex += "0123456789abcdef"[out[i] & 0xf];
  }
  manifest["sha256"][name] = hex;
  entry("manifest.json") = manifest.dump();
  for (auto& e : entries_) {
    if (e.name == name) {
      e.bytes = bytes;
      return;
    }
  }
  entries_.push_back({CraftedEntry::File, name, bytes});
}

TEST_F(Refusal, CookbookFileWhoseMd5Differs) {
  rewrite_with_matching_manifest("cookbooks/apache2-1.0.0/recipes/default.rb", "evil\n");
  EXPECT_THAT(refusal(archive_with({})),
              HasSubstr("cookbooks/apache2-1.0.0/recipes/default.rb: md5 "));
}

TEST_F(Refusal, InvalidJsonNamesTheEntry) {
  rewrite_with_matching_manifest("roles/web.json", "{\"name\": ");
  EXPECT_THAT(refusal(archive_with({})), HasSubstr("roles/web.json: invalid JSON"));
}

TEST_F(Refusal, UnexpectedEntry) {
  rewrite_with_matching_manifest("nodes/sub/x.json", "{}");
  EXPECT_THAT(refusal(archive_with({})), HasSubstr("nodes/sub/x.json: unexpected entry"));
}

TEST_F(Refusal, NotAnArchive) {
  testing::write_file(tmp_ / "junk.tar.gz", "this is not gzip");
  EXPECT_THAT(refusal(tmp_ / "junk.tar.gz"), HasSubstr("junk.tar.gz"));
}

TEST_F(Refusal, DirectoryWithASymlinkOut) {
  std::filesystem::create_symlink("/etc/passwd", dir_ / "nodes/evil.json");
  EXPECT_THAT(refusal(dir_), HasSubstr("nodes/evil.json: a symbolic link (to /etc/passwd)"));
}

TEST_F(Refusal, DirectoryWithACorruptFile) {
  testing::write_file(dir_ / "cookbooks/apache2-1.0.0/metadata.rb", "name 'evil'\n");
  EXPECT_THAT(refusal(dir_), HasSubstr("cookbooks/apache2-1.0.0/metadata.rb: sha256"));
}

TEST_F(Refusal, DirectoryKeptInGitIsStillASnapshot) {
  testing::write_file(dir_ / ".git/HEAD", "ref: refs/heads/main\n");
  EXPECT_EQ(refusal(dir_), "");
}

}  // namespace
}  // namespace proofbox::backup
