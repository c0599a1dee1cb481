// Cookbook artifact validation and the v0/v2 file-list forms (erchef
// oc_chef_cookbook_artifact_version, chef_cookbook_version ensure_v0/v2_metadata).
#include "proofbox/zero/model/cookbook_artifact.hpp"

#include <gtest/gtest.h>

#include <string>

#include "model_test_support.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;
using test_support::with;
using test_support::without;

const std::string kId = "1111111111111111111111111111111111111111";

Json artifact() {
  return Json{{"name", "apache2"},
              {"identifier", kId},
              {"version", "1.0.0"},
              {"json_class", "Chef::CookbookVersion"},
              {"chef_type", "cookbook_version"},
              {"metadata", {{"name", "apache2"}, {"version", "1.0.0"}}}};
}

Json file(const std::string& name, const std::string& path, const std::string& sum) {
  return Json{{"name", name}, {"path", path}, {"checksum", sum}, {"specificity", "default"}};
}

void expect_invalid(const Json& body, const std::string& message,
                    const std::string& url_name = "apache2", const std::string& url_id = kId) {
  expect_chef_error([&] { validate_cookbook_artifact(body, url_name, url_id); }, 400, message);
}

TEST(CookbookArtifact, ValidBodiesPass) {
  EXPECT_NO_THROW(validate_cookbook_artifact(artifact(), "apache2", kId));
  Json v2 = with(artifact(), "all_files",
                 Json::array({file("recipes/default.rb", "recipes/default.rb", "ab")}));
  EXPECT_NO_THROW(validate_cookbook_artifact(v2, "apache2", kId));
  Json v0 =
      with(artifact(), "recipes", Json::array({file("default.rb", "recipes/default.rb", "ab")}));
  EXPECT_NO_THROW(validate_cookbook_artifact(v0, "apache2", kId));
  EXPECT_NO_THROW(validate_cookbook_artifact(with(artifact(), "identifier", "a:b.c-d_e"), "apache2",
                                             "a:b.c-d_e"));
}

TEST(CookbookArtifact, NameAndIdentifierRules) {
  expect_invalid(without(artifact(), "name"), "Field 'name' missing");
  expect_invalid(without(artifact(), "identifier"), "Field 'identifier' missing");
  expect_invalid(with(artifact(), "name", "first@second"), "Field 'name' invalid", "first@second");
  // Cookbook names take no ':' even though identifiers do.
  expect_invalid(with(artifact(), "name", "a:b"), "Field 'name' invalid", "a:b");
  expect_invalid(with(artifact(), "identifier", "foo@bar"), "Field 'identifier' invalid", "apache2",
                 "foo@bar");
  expect_invalid(with(artifact(), "identifier", std::string(256, 'a')),
                 "Field 'identifier' invalid");
  expect_invalid(with(artifact(), "identifier", 5), "Field 'identifier' invalid");
  expect_invalid(Json::array(), "Incorrect JSON type for request body");
}

TEST(CookbookArtifact, UrlMismatch) {
  expect_invalid(with(artifact(), "name", "foobar"),
                 "Field 'name' invalid : apache2 does not match foobar");
  const std::string other(40, 'f');
  expect_invalid(with(artifact(), "identifier", other),
                 "Field 'identifier' invalid : " + kId + " does not match " + other);
}

TEST(CookbookArtifact, FileListRules) {
  expect_invalid(with(artifact(), "recipes", "foo"), "Field 'recipes' invalid");
  expect_invalid(with(artifact(), "all_files", Json::object()), "Field 'all_files' invalid");
  expect_invalid(with(artifact(), "templates", Json::array({Json::object()})),
                 "Invalid element in array value of 'templates'.");
  expect_invalid(with(artifact(), "all_files", Json::array({7})),
                 "Invalid element in array value of 'all_files'.");
}

TEST(CookbookArtifact, ChecksumsFromEveryList) {
  Json a = artifact();
  a["all_files"] = Json::array(
      {file("recipes/a.rb", "recipes/a.rb", "cc"), file("recipes/b.rb", "recipes/b.rb", "aa")});
  a["recipes"] =
      Json::array({file("c.rb", "recipes/c.rb", "bb"), file("d.rb", "recipes/d.rb", "aa")});
  EXPECT_EQ(cookbook_artifact_checksums(a), (std::vector<std::string>{"aa", "bb", "cc"}));
  EXPECT_TRUE(cookbook_artifact_checksums(artifact()).empty());
}

TEST(CookbookArtifact, SegmentsToAllFiles) {
  Json v0 = artifact();
  v0["recipes"] = Json::array({file("default.rb", "recipes/default.rb", "r1")});
  v0["root_files"] = Json::array({file("metadata.rb", "metadata.rb", "m1")});
  v0["attributes"] = Json::array({file("default.rb", "attributes/default.rb", "a1")});
  v0["templates"] = Json::array();
  Json v2 = to_all_files(v0);
  for (const std::string& s : cookbook_segments()) EXPECT_FALSE(v2.contains(s)) << s;
  // Segment order, each name prefixed by its segment (root files too, as the server does).
  EXPECT_EQ(v2["all_files"],
            Json::array({file("attributes/default.rb", "attributes/default.rb", "a1"),
                         file("recipes/default.rb", "recipes/default.rb", "r1"),
                         file("root_files/metadata.rb", "metadata.rb", "m1")}));
  EXPECT_EQ(v2["metadata"], v0["metadata"]);
  // Already v2: untouched.
  EXPECT_EQ(to_all_files(v2), v2);
}

TEST(CookbookArtifact, AllFilesToSegments) {
  Json v2 = artifact();
  v2["all_files"] = Json::array({file("recipes/default.rb", "recipes/default.rb", "r1"),
                                 file("metadata.rb", "metadata.rb", "m1"),
                                 file("templates/default/a.erb", "templates/default/a.erb", "t1"),
                                 file("unknown/x", "unknown/x", "u1")});
  Json v0 = to_segments(v2);
  EXPECT_FALSE(v0.contains("all_files"));
  EXPECT_EQ(v0["recipes"], Json::array({file("default.rb", "recipes/default.rb", "r1")}));
  EXPECT_EQ(v0["root_files"], Json::array({file("metadata.rb", "metadata.rb", "m1")}));
  EXPECT_EQ(v0["templates"], Json::array({file("default/a.erb", "templates/default/a.erb", "t1")}));
  EXPECT_EQ(v0["libraries"], Json::array());
  EXPECT_FALSE(v0.contains("unknown"));
  for (const std::string& s : cookbook_segments()) EXPECT_TRUE(v0.contains(s)) << s;
  EXPECT_EQ(to_segments(artifact()), artifact());
}

TEST(CookbookArtifact, ResponseByApiVersion) {
  Json stored = artifact();
  stored["all_files"] = Json::array({file("recipes/default.rb", "recipes/default.rb", "r1")});
  auto url = [](std::string_view sum) {
    return "http://x/file_store/checksums/" + std::string(sum);
  };

  Json v2 = cookbook_artifact_response(stored, 2, url);
  EXPECT_FALSE(v2.contains("json_class"));
  EXPECT_EQ(v2["chef_type"], "cookbook_version");
  ASSERT_EQ(v2["all_files"].size(), 1u);
  EXPECT_EQ(v2["all_files"][0]["url"], "http://x/file_store/checksums/r1");

  Json v0 = cookbook_artifact_response(stored, 0, url);
  EXPECT_FALSE(v0.contains("all_files"));
  EXPECT_FALSE(v0.contains("json_class"));
  ASSERT_EQ(v0["recipes"].size(), 1u);
  EXPECT_EQ(v0["recipes"][0]["name"], "default.rb");
  EXPECT_EQ(v0["recipes"][0]["url"], "http://x/file_store/checksums/r1");
  EXPECT_EQ(v0["files"], Json::array());
}

}  // namespace
}  // namespace proofbox::zero::model
