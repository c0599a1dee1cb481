// /cookbook_artifacts, /cookbook_artifacts/NAME and /cookbook_artifacts/NAME/IDENTIFIER over
// HTTP, with and without /organizations/chef. Expected shapes and messages: erchef
// oc_chef_wm_named_cookbook_artifact[_version], pedant cookbook_artifacts specs.
#include <gtest/gtest.h>

#include <string>

#include "api_test_support.hpp"
#include "proofbox/zero/store/collection.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

const std::string kId1 = "1111111111111111111111111111111111111111";
const std::string kId2 = "2222222222222222222222222222222222222222";
const std::string kRecipeSum = "8288b67da0793b5abec709d6226e6b73";
const std::string kMetadataSum = "0c5ae1cbb2c0b2e3e5f3d0c6f0e7a9b1";

Json artifact(const std::string& name, const std::string& id) {
  return Json{
      {"name", name},
      {"identifier", id},
      {"version", "1.0.0"},
      {"json_class", "Chef::CookbookVersion"},
      {"chef_type", "cookbook_version"},
      {"frozen?", false},
      {"metadata", {{"name", name}, {"version", "1.0.0"}, {"dependencies", Json::object()}}}};
}

Json file(const std::string& name, const std::string& path, const std::string& sum) {
  return Json{{"name", name}, {"path", path}, {"checksum", sum}, {"specificity", "default"}};
}

// An artifact in the v2 form with a recipe and a root file.
Json artifact_with_files(const std::string& name, const std::string& id) {
  Json a = artifact(name, id);
  a["all_files"] = Json::array({file("recipes/default.rb", "recipes/default.rb", kRecipeSum),
                                file("metadata.rb", "metadata.rb", kMetadataSum)});
  return a;
}

Json with_url(Json f, const std::string& url) {
  f["url"] = url;
  return f;
}

Json without_json_class(Json a) {
  a.erase("json_class");
  return a;
}

class CookbookArtifactsApiTest : public zt::OrgFormsApiTest {
 protected:
  // Files reach the org's checksum store through sandboxes; the tests put them there directly.
  void upload(const std::string& md5, const std::string& bytes) {
    server_.store()
        .org("chef")
        ->collection("checksums")
        ->put(md5, proofbox::zero::store::make_document(bytes));
  }
  void put_artifact(const Json& a) {
    auto r = api_.put(path("/cookbook_artifacts/" + a["name"].get<std::string>() + "/" +
                           a["identifier"].get<std::string>()),
                      a);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  std::string file_url(const std::string& md5) const { return url("/file_store/checksums/" + md5); }
};

INSTANTIATE_TEST_SUITE_P(Forms, CookbookArtifactsApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(CookbookArtifactsApiTest, EmptyListAndMissingAre404) {
  auto list = api_.get(path("/cookbook_artifacts"));
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.json(), Json::object());
  zt::expect_error(api_.get(path("/cookbook_artifacts/nope")), 404, "not_found");
  zt::expect_error(api_.get(path("/cookbook_artifacts/nope/" + kId1)), 404, "not_found");
  zt::expect_error(api_.del(path("/cookbook_artifacts/nope/" + kId1)), 404, "not_found");
}

TEST_P(CookbookArtifactsApiTest, CreateThenReadWithoutJsonClass) {
  const Json a = artifact("pedant_basic", kId1);
  auto created = api_.put(path("/cookbook_artifacts/pedant_basic/" + kId1), a);
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json(), Json({{"uri", url("/cookbook_artifacts/pedant_basic/" + kId1)}}));
  EXPECT_EQ(created.header("location"), url("/cookbook_artifacts/pedant_basic/" + kId1));

  auto got = api_.get(path("/cookbook_artifacts/pedant_basic/" + kId1), zt::kV2);
  EXPECT_EQ(got.status, 200) << got.body;
  Json expected = without_json_class(a);
  expected["all_files"] = Json::array();
  EXPECT_EQ(got.json(), expected);
}

TEST_P(CookbookArtifactsApiTest, ListsNamesAndIdentifiers) {
  put_artifact(artifact("cookbook_name", kId2));
  put_artifact(artifact("cookbook_name", kId1));
  put_artifact(artifact("cookbook_name2", "3333333333333333333333333333333333333333"));
  auto version = [&](const std::string& name, const std::string& id) {
    return Json{{"url", url("/cookbook_artifacts/" + name + "/" + id)}, {"identifier", id}};
  };
  const Json first{{"url", url("/cookbook_artifacts/cookbook_name")},
                   {"versions", {version("cookbook_name", kId1), version("cookbook_name", kId2)}}};
  const Json second{
      {"url", url("/cookbook_artifacts/cookbook_name2")},
      {"versions", {version("cookbook_name2", "3333333333333333333333333333333333333333")}}};
  EXPECT_EQ(api_.get(path("/cookbook_artifacts")).json(),
            Json({{"cookbook_name", first}, {"cookbook_name2", second}}));
  auto one = api_.get(path("/cookbook_artifacts/cookbook_name"));
  EXPECT_EQ(one.status, 200);
  EXPECT_EQ(one.json(), Json({{"cookbook_name", first}}));
}

TEST_P(CookbookArtifactsApiTest, FilesAnswerInTheRequestedApiForm) {
  upload(kRecipeSum, "log 'hello'\n");
  upload(kMetadataSum, "name 'apache2'\n");
  put_artifact(artifact_with_files("apache2", kId1));
  const std::string at = path("/cookbook_artifacts/apache2/" + kId1);

  Json v2 = api_.get(at, zt::kV2).json();
  ASSERT_EQ(v2["all_files"].size(), 2u) << v2.dump();
  EXPECT_EQ(
      v2["all_files"][0],
      with_url(file("recipes/default.rb", "recipes/default.rb", kRecipeSum), file_url(kRecipeSum)));
  EXPECT_EQ(v2["all_files"][1],
            with_url(file("metadata.rb", "metadata.rb", kMetadataSum), file_url(kMetadataSum)));
  EXPECT_FALSE(v2.contains("recipes"));

  Json v0 = api_.get(at, zt::kV0).json();
  EXPECT_FALSE(v0.contains("all_files"));
  EXPECT_EQ(v0["recipes"],
            Json::array({with_url(file("default.rb", "recipes/default.rb", kRecipeSum),
                                  file_url(kRecipeSum))}));
  EXPECT_EQ(v0["root_files"],
            Json::array({with_url(file("metadata.rb", "metadata.rb", kMetadataSum),
                                  file_url(kMetadataSum))}));
  EXPECT_EQ(v0["templates"], Json::array());
  EXPECT_FALSE(v0.contains("json_class"));
  EXPECT_EQ(v0["metadata"], artifact("apache2", kId1)["metadata"]);
}

TEST_P(CookbookArtifactsApiTest, SegmentUploadAnswersAllFilesUnderV2) {
  upload(kRecipeSum, "log 'hello'\n");
  Json v0 = artifact("legacy", kId1);
  v0["recipes"] = Json::array({file("default.rb", "recipes/default.rb", kRecipeSum)});
  put_artifact(v0);
  Json v2 = api_.get(path("/cookbook_artifacts/legacy/" + kId1), zt::kV2).json();
  EXPECT_EQ(v2["all_files"],
            Json::array({with_url(file("recipes/default.rb", "recipes/default.rb", kRecipeSum),
                                  file_url(kRecipeSum))}));
  EXPECT_FALSE(v2.contains("recipes"));
}

TEST_P(CookbookArtifactsApiTest, ExistingIdentifierIsConflictAndUnchanged) {
  put_artifact(artifact("cookbook-to-be-modified", kId1));
  Json changed = artifact("cookbook-to-be-modified", kId1);
  changed["metadata"]["description"] = "hi there";
  zt::expect_string_error(
      api_.put(path("/cookbook_artifacts/cookbook-to-be-modified/" + kId1), changed), 409,
      "Cookbook artifact already exists");
  Json got = api_.get(path("/cookbook_artifacts/cookbook-to-be-modified/" + kId1), zt::kV2).json();
  EXPECT_FALSE(got["metadata"].contains("description"));
}

TEST_P(CookbookArtifactsApiTest, MissingChecksumIsRefused) {
  const std::string at = path("/cookbook_artifacts/cookbook_name/" + kId1);
  Json a = artifact("cookbook_name", kId1);
  a["recipes"] = Json::array({file("default.rb", "recipes/default.rb", kRecipeSum)});
  zt::expect_error(api_.put(at, a), 400, "Manifest has a checksum that hasn't been uploaded.");
  zt::expect_error(api_.get(at), 404, "not_found");
  // One uploaded file of two is still refused.
  upload(kRecipeSum, "x");
  zt::expect_error(
      api_.put(path("/cookbook_artifacts/apache2/" + kId1), artifact_with_files("apache2", kId1)),
      400, "Manifest has a checksum that hasn't been uploaded.");
  // Once uploaded the same body is accepted.
  EXPECT_EQ(api_.put(at, a).status, 201);
  EXPECT_EQ(api_.get(path("/cookbook_artifacts")).json().size(), 1u);
}

TEST_P(CookbookArtifactsApiTest, ValidationErrorsAre400) {
  const std::string at = path("/cookbook_artifacts/cookbook_name/" + kId1);
  zt::expect_error(api_.request("PUT", at, "{\"name\":"), 400, "invalid JSON");
  zt::expect_error(api_.request("PUT", at, "[1]"), 400, "Incorrect JSON type for request body");
  Json a = artifact("cookbook_name", kId1);
  a.erase("name");
  zt::expect_error(api_.put(at, a), 400, "Field 'name' missing");
  zt::expect_error(api_.put(path("/cookbook_artifacts/cookbook_name/foo@bar"),
                            artifact("cookbook_name", "foo@bar")),
                   400, "Field 'identifier' invalid");
  zt::expect_error(
      api_.put(path("/cookbook_artifacts/first@second/" + kId1), artifact("first@second", kId1)),
      400, "Field 'name' invalid");
  const std::string other(40, 'f');
  zt::expect_error(api_.put(at, artifact("cookbook_name", other)), 400,
                   "Field 'identifier' invalid : " + kId1 + " does not match " + other);
  zt::expect_error(api_.put(at, artifact("foobar", kId1)), 400,
                   "Field 'name' invalid : cookbook_name does not match foobar");
  Json bad_segment = artifact("cookbook_name", kId1);
  bad_segment["recipes"] = "foo";
  zt::expect_error(api_.put(at, bad_segment), 400, "Field 'recipes' invalid");
  bad_segment["recipes"] = Json::array({Json::object()});
  zt::expect_error(api_.put(at, bad_segment), 400, "Invalid element in array value of 'recipes'.");
  zt::expect_error(api_.get(at), 404, "not_found");
  EXPECT_EQ(api_.get(path("/cookbook_artifacts")).json(), Json::object());
}

TEST_P(CookbookArtifactsApiTest, DeleteAnswersArtifactAndForgetsLastName) {
  upload(kRecipeSum, "log 'hello'\n");
  upload(kMetadataSum, "name 'apache2'\n");
  put_artifact(artifact_with_files("apache2", kId1));
  put_artifact(artifact("apache2", kId2));

  auto deleted = api_.del(path("/cookbook_artifacts/apache2/" + kId1), zt::kV2);
  EXPECT_EQ(deleted.status, 200) << deleted.body;
  Json expected = without_json_class(artifact_with_files("apache2", kId1));
  expected["all_files"][0]["url"] = file_url(kRecipeSum);
  expected["all_files"][1]["url"] = file_url(kMetadataSum);
  EXPECT_EQ(deleted.json(), expected);
  zt::expect_error(api_.get(path("/cookbook_artifacts/apache2/" + kId1)), 404, "not_found");
  zt::expect_error(api_.del(path("/cookbook_artifacts/apache2/" + kId1)), 404, "not_found");
  EXPECT_EQ(api_.get(path("/cookbook_artifacts/apache2")).json()["apache2"]["versions"].size(), 1u);

  EXPECT_EQ(api_.del(path("/cookbook_artifacts/apache2/" + kId2)).status, 200);
  zt::expect_error(api_.get(path("/cookbook_artifacts/apache2")), 404, "not_found");
  EXPECT_EQ(api_.get(path("/cookbook_artifacts")).json(), Json::object());
  // The files stay in the file store for other cookbooks that name them.
  EXPECT_TRUE(server_.store().org("chef")->collection("checksums")->contains(kRecipeSum));
  // The same identifier can be created again.
  put_artifact(artifact("apache2", kId1));
}

}  // namespace
