#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "proofbox/harness/images.hpp"

namespace proofbox::harness {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string error_of(std::string_view yaml) {
  try {
    parse_image_spec(yaml, "IMAGE.yml");
  } catch (const ImageSpecError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ImageSpec, ReadsTheFixtureImage) {
  auto spec = load_image_spec(std::string(PROOFBOX_SOURCE_DIR) + "/fixtures/images/memcached.yml");
  EXPECT_EQ(spec.name, "memcached");
  EXPECT_EQ(spec.suite, "bookworm");
  EXPECT_EQ(spec.variant, "minbase");
  EXPECT_EQ(spec.packages, (std::vector<std::string>{"ca-certificates", "curl", "memcached",
                                                     "netcat-openbsd", "openssl", "procps"}));
  EXPECT_EQ(spec.runtimes, (std::vector<std::string>{"docker", "lxc"}));
}

TEST(ImageSpec, DefaultsSuiteAndVariant) {
  auto spec = parse_image_spec("name: base\n", "IMAGE.yml");
  EXPECT_EQ(spec.suite, "bookworm");
  EXPECT_EQ(spec.variant, "minbase");
  EXPECT_TRUE(spec.packages.empty());
}

TEST(ImageSpec, ErrorsCarryFileAndLine) {
  EXPECT_THAT(error_of("suite: bookworm\n"), HasSubstr("has no 'name'"));
  EXPECT_THAT(error_of("name: web\nsuite: bookworm\ncolour: blue\n"),
              StartsWith("IMAGE.yml:3: unknown key 'colour'"));
  EXPECT_THAT(error_of("name: Web Server\n"), StartsWith("IMAGE.yml:1: image name 'Web Server'"));
  EXPECT_THAT(error_of("name: web\npackages: curl\n"),
              StartsWith("IMAGE.yml:2: 'packages' must be a list"));
  EXPECT_THAT(error_of("name: web\npackages:\n  - curl\n  - 'rm -rf'\n"),
              HasSubstr("'rm -rf' is not a Debian package name"));
  EXPECT_THAT(error_of("name: web\nruntimes: [podman]\n"), HasSubstr("runtime 'podman'"));
  EXPECT_THAT(error_of("name: [unclosed\n"), StartsWith("IMAGE.yml:"));
  EXPECT_THAT(error_of("- a list\n"), HasSubstr("is a mapping"));
}

TEST(ImageSpec, AMissingFileIsNamed) {
  EXPECT_THROW(load_image_spec("/nonexistent/IMAGE.yml"), ImageSpecError);
}

TEST(ImageHash, IsStableAcrossPackageOrderDuplicatesMirrorAndRuntimes) {
  auto a = parse_image_spec("name: m\npackages: [curl, memcached]\n", "a");
  auto b = parse_image_spec(
      "name: m\npackages: [memcached, curl, curl]\nmirror: http://mirror.invalid/debian\n"
      "runtimes: [lxc]\n",
      "b");
  EXPECT_EQ(image_hash(a), image_hash(b));
  EXPECT_EQ(image_hash(a).size(), 64u);
  // Defaults hash the same as their explicit values.
  EXPECT_EQ(image_hash(parse_image_spec("name: m\n", "c")),
            image_hash(parse_image_spec("name: m\nsuite: bookworm\nvariant: minbase\n", "d")));
}

TEST(ImageHash, ChangesWithWhatEndsUpInTheImage) {
  auto base = image_hash(parse_image_spec("name: m\npackages: [curl]\n", "a"));
  EXPECT_NE(base, image_hash(parse_image_spec("name: m\npackages: [curl, procps]\n", "a")));
  EXPECT_NE(base, image_hash(parse_image_spec("name: m\nsuite: trixie\npackages: [curl]\n", "a")));
  EXPECT_NE(base,
            image_hash(parse_image_spec("name: m\nvariant: buildd\npackages: [curl]\n", "a")));
  EXPECT_NE(base, image_hash(parse_image_spec("name: n\npackages: [curl]\n", "a")));
}

TEST(ImageReference, CarriesTheHashAndAStableAlias) {
  auto spec = parse_image_spec("name: memcached\n", "a");
  EXPECT_EQ(image_reference(spec), "proofbox/memcached:" + image_hash(spec).substr(0, 12));
  EXPECT_EQ(image_alias(spec), "proofbox/memcached:latest");
}

TEST(DebianMirror, ReadsDeb822SourcesSkippingSecurity) {
  auto dir = std::filesystem::temp_directory_path() / ("pbx-apt-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir / "sources.list.d");
  std::ofstream(dir / "sources.list.d" / "debian.sources")
      << "Types: deb\nURIs: http://archive.invalid/debian-security\nSuites: bookworm-security\n\n"
         "Types: deb\n# a comment\nURIs: http://archive.invalid/debian\nSuites: bookworm\n";
  EXPECT_EQ(debian_mirror(dir.string()), "http://archive.invalid/debian");
  std::filesystem::remove(dir / "sources.list.d" / "debian.sources");
  std::ofstream(dir / "sources.list")
      << "# old style\ndeb [arch=amd64 signed-by=/k.gpg] http://classic.invalid/debian bookworm "
         "main\n";
  EXPECT_EQ(debian_mirror(dir.string()), "http://classic.invalid/debian");
  std::filesystem::remove(dir / "sources.list");
  EXPECT_THROW(debian_mirror(dir.string()), RuntimeError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace proofbox::harness
