#include "proofbox/backup/repo/cookbook_manifest.hpp"

#include <gtest/gtest.h>

namespace proofbox::backup::repo {
namespace {

TEST(Md5Hex, KnownDigests) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("The quick brown fox jumps over the lazy dog"),
            "9e107d9d372bb6826bd81d3542a419d6");
  EXPECT_EQ(md5_hex(std::string("a\0b", 3)), md5_hex(std::string("a\0b", 3)));
  EXPECT_NE(md5_hex(std::string("a\0b", 3)), md5_hex("a"));
}

struct NamingCase {
  const char* path;
  const char* name;
  const char* specificity;
};

class ManifestNamingTest : public ::testing::TestWithParam<NamingCase> {};

TEST_P(ManifestNamingTest, NamesAndSpecificityAsKnifeComputesThem) {
  const auto& c = GetParam();
  const auto naming = manifest_naming(c.path);
  EXPECT_EQ(naming.name, c.name) << c.path;
  EXPECT_EQ(naming.specificity, c.specificity) << c.path;
}

INSTANTIATE_TEST_SUITE_P(
    Paths, ManifestNamingTest,
    ::testing::Values(
        NamingCase{"metadata.rb", "root_files/metadata.rb", "default"},
        NamingCase{"README.md", "root_files/README.md", "default"},
        NamingCase{".rubocop.yml", "root_files/.rubocop.yml", "default"},
        NamingCase{"recipes/default.rb", "recipes/default.rb", "default"},
        NamingCase{"attributes/default.rb", "attributes/default.rb", "default"},
        NamingCase{"libraries/sub/helper.rb", "libraries/helper.rb", "default"},
        NamingCase{"resources/site.rb", "resources/site.rb", "default"},
        NamingCase{"templates/default/app.conf.erb", "templates/app.conf.erb", "default"},
        NamingCase{"templates/ubuntu-20.04/app.conf.erb", "templates/app.conf.erb", "ubuntu-20.04"},
        NamingCase{"templates/ubuntu/app.conf.erb", "templates/app.conf.erb", "ubuntu"},
        NamingCase{"templates/host-web01.example.com/app.conf.erb", "templates/app.conf.erb",
                   "host-web01.example.com"},
        NamingCase{"templates/app.conf.erb", "templates/app.conf.erb", "root_default"},
        NamingCase{"templates/default/conf.d/site.erb", "templates/site.erb", "default"},
        NamingCase{"files/default/tool.sh", "files/tool.sh", "default"},
        NamingCase{"files/centos-8/tool.sh", "files/tool.sh", "centos-8"},
        NamingCase{"files/tool.sh", "files/tool.sh", "root_default"},
        NamingCase{"test/integration/default/x_test.rb", "test/x_test.rb", "default"}));

TEST(ManifestRecord, CarriesNamePathChecksumSpecificityAndNoUrl) {
  const Json record =
      manifest_record("templates/ubuntu-20.04/x.erb", "0123456789abcdef0123456789abcdef");
  EXPECT_EQ(record, (Json{{"name", "templates/x.erb"},
                          {"path", "templates/ubuntu-20.04/x.erb"},
                          {"checksum", "0123456789abcdef0123456789abcdef"},
                          {"specificity", "ubuntu-20.04"}}));
  EXPECT_FALSE(record.contains("url"));
}

}  // namespace
}  // namespace proofbox::backup::repo
