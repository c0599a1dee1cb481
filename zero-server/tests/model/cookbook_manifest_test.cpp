// v0 segment <-> v2 all_files manifests, file urls, checksums and recipe names.
#include "proofbox/zero/model/cookbook_manifest.hpp"

#include <gtest/gtest.h>

namespace proofbox::zero::model {
namespace {

Json file(const std::string& name, const std::string& path, const std::string& checksum) {
  return Json{{"name", name}, {"path", path}, {"checksum", checksum}, {"specificity", "default"}};
}

Json v0_cookbook() {
  Json cb = {{"name", "apache2-1.0.0"},
             {"cookbook_name", "apache2"},
             {"metadata", {{"version", "1.0.0"}}}};
  cb["recipes"] = Json::array({file("default.rb", "recipes/default.rb", "aa"),
                               file("mod_ssl.rb", "recipes/mod_ssl.rb", "bb")});
  cb["templates"] =
      Json::array({file("apache2.conf.erb", "templates/default/apache2.conf.erb", "cc")});
  cb["root_files"] = Json::array({file("metadata.rb", "metadata.rb", "dd")});
  cb["attributes"] = Json::array();
  return cb;
}

TEST(CookbookManifest, SegmentsBecomeAllFilesWithSegmentPrefixes) {
  Json v2 = segments_to_all_files(v0_cookbook());
  for (std::string_view segment : kCookbookSegments) EXPECT_FALSE(v2.contains(segment)) << segment;
  // erchef order: attributes, ..., recipes, ..., root_files, templates.
  EXPECT_EQ(v2["all_files"], Json::array({file("recipes/default.rb", "recipes/default.rb", "aa"),
                                          file("recipes/mod_ssl.rb", "recipes/mod_ssl.rb", "bb"),
                                          file("root_files/metadata.rb", "metadata.rb", "dd"),
                                          file("templates/apache2.conf.erb",
                                               "templates/default/apache2.conf.erb", "cc")}));
  EXPECT_EQ(v2["name"], "apache2-1.0.0");
  EXPECT_EQ(v2["metadata"]["version"], "1.0.0");
}

TEST(CookbookManifest, AllFilesSplitBackIntoEverySegment) {
  Json v0 = all_files_to_segments(segments_to_all_files(v0_cookbook()));
  EXPECT_FALSE(v0.contains("all_files"));
  for (std::string_view segment : kCookbookSegments) {
    ASSERT_TRUE(v0.contains(segment)) << segment;
    EXPECT_TRUE(v0[std::string(segment)].is_array());
  }
  Json expected = v0_cookbook();
  EXPECT_EQ(v0["recipes"], expected["recipes"]);
  EXPECT_EQ(v0["templates"], expected["templates"]);
  EXPECT_EQ(v0["root_files"], expected["root_files"]);
  EXPECT_EQ(v0["files"], Json::array());
}

TEST(CookbookManifest, NameWithoutSlashIsRootFileAndUnknownSegmentsAreDropped) {
  Json v2 = {{"all_files",
              Json::array({file("README.md", "README.md", "01"),
                           file("spec/foo_spec.rb", "spec/foo_spec.rb", "02"),
                           file("templates/default/x.erb", "templates/default/x.erb", "03")})}};
  Json v0 = all_files_to_segments(v2);
  EXPECT_EQ(v0["root_files"], Json::array({file("README.md", "README.md", "01")}));
  EXPECT_EQ(v0["templates"], Json::array({file("default/x.erb", "templates/default/x.erb", "03")}));
  std::size_t total = 0;
  for (std::string_view segment : kCookbookSegments) total += v0[std::string(segment)].size();
  EXPECT_EQ(total, 2u);
}

TEST(CookbookManifest, RenderAddsUrlsInTheRequestedForm) {
  Json stored = segments_to_all_files(v0_cookbook());
  auto url = [](std::string_view md5) {
    return "http://h/file_store/checksums/" + std::string(md5);
  };
  Json v2 = render_manifest(stored, 2, url);
  ASSERT_EQ(v2["all_files"].size(), 4u);
  for (const Json& f : v2["all_files"]) {
    EXPECT_EQ(f["url"], "http://h/file_store/checksums/" + f["checksum"].get<std::string>());
  }
  Json v0 = render_manifest(stored, 0, url);
  EXPECT_FALSE(v0.contains("all_files"));
  EXPECT_EQ(v0["recipes"][1]["name"], "mod_ssl.rb");
  EXPECT_EQ(v0["recipes"][1]["url"], "http://h/file_store/checksums/bb");
  EXPECT_EQ(render_manifest(stored, 1, url), v0);
  EXPECT_FALSE(stored["all_files"][0].contains("url"));  // the stored form is untouched

  strip_file_urls(v0);
  EXPECT_FALSE(v0["recipes"][0].contains("url"));
}

TEST(CookbookManifest, ChecksumsOfEitherFormSortedUnique) {
  Json cb = v0_cookbook();
  cb["files"] = Json::array({file("again.txt", "files/default/again.txt", "aa")});
  EXPECT_EQ(manifest_checksums(cb), (std::vector<std::string>{"aa", "bb", "cc", "dd"}));
  EXPECT_EQ(manifest_checksums(segments_to_all_files(cb)),
            (std::vector<std::string>{"aa", "bb", "cc", "dd"}));
  EXPECT_TRUE(manifest_checksums(Json::object()).empty());
}

TEST(CookbookManifest, QualifiedRecipeNames) {
  Json cb = v0_cookbook();
  cb["recipes"].push_back(file("README.md", "recipes/README.md", "ee"));
  const std::vector<std::string> expected = {"apache2", "apache2::mod_ssl"};
  EXPECT_EQ(qualified_recipe_names("apache2", cb), expected);
  EXPECT_EQ(qualified_recipe_names("apache2", segments_to_all_files(cb)), expected);
  EXPECT_TRUE(qualified_recipe_names("x", Json::object()).empty());
}

TEST(CookbookManifest, WantsAllFilesFromApiTwo) {
  EXPECT_FALSE(wants_all_files(0));
  EXPECT_FALSE(wants_all_files(1));
  EXPECT_TRUE(wants_all_files(2));
}

}  // namespace
}  // namespace proofbox::zero::model
