// PUT /cookbooks/NAME/VERSION body validation with erchef's messages (pedant cookbooks
// create_spec), URL checks and the stored form.
#include "proofbox/zero/model/cookbook.hpp"

#include <gtest/gtest.h>

#include "model_test_support.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;
using test_support::with;
using test_support::without;

Json recipe(const std::string& name) {
  return Json{
      {"name", name}, {"path", "recipes/" + name}, {"checksum", "aa"}, {"specificity", "default"}};
}

Json v0_body(const std::string& name = "apt", const std::string& version = "1.2.3") {
  return Json{{"name", name + "-" + version},
              {"cookbook_name", name},
              {"version", version},
              {"json_class", "Chef::CookbookVersion"},
              {"chef_type", "cookbook_version"},
              {"frozen?", false},
              {"recipes", Json::array({recipe("default.rb")})},
              {"metadata",
               {{"version", version},
                {"name", name},
                {"description", "A fabulous new cookbook"},
                {"dependencies", {{"build-essential", ">= 1.0"}}}}}};
}

Json v2_body() {
  Json b = without(v0_body(), "recipes");
  Json f = recipe("default.rb");
  f["name"] = "recipes/default.rb";
  b["all_files"] = Json::array({f});
  return b;
}

TEST(Cookbook, AcceptsBothFormsAndFillsDefaults) {
  Json minimal = {
      {"name", "apt-1.2.3"}, {"cookbook_name", "apt"}, {"metadata", {{"version", "1.2.3"}}}};
  Json v0 = normalize_cookbook_version(minimal, "apt", "1.2.3", false);
  EXPECT_EQ(v0["json_class"], "Chef::CookbookVersion");
  EXPECT_EQ(v0["chef_type"], "cookbook_version");
  EXPECT_EQ(v0["frozen?"], false);
  EXPECT_EQ(normalize_cookbook_version(v0_body(), "apt", "1.2.3", false), v0_body());
  EXPECT_EQ(normalize_cookbook_version(v2_body(), "apt", "1.2.3", true), v2_body());
}

TEST(Cookbook, EachFormRefusesTheOthersKeys) {
  expect_chef_error([] { normalize_cookbook_version(v0_body(), "apt", "1.2.3", true); }, 400,
                    "Invalid key recipes in request body");
  expect_chef_error([] { normalize_cookbook_version(v2_body(), "apt", "1.2.3", false); }, 400,
                    "Invalid key all_files in request body");
  expect_chef_error(
      [] { normalize_cookbook_version(with(v0_body(), "bogus", 1), "apt", "1.2.3", false); }, 400,
      "Invalid key bogus in request body");
}

TEST(Cookbook, NamesAndVersionsMustMatchTheUrl) {
  expect_chef_error(
      [] { normalize_cookbook_version(v0_body("apt", "0.0.1"), "apt", "1.2.3", false); }, 400,
      "Field 'name' invalid");
  expect_chef_error([] { normalize_cookbook_version(v0_body("foobar"), "apt", "1.2.3", false); },
                    400, "Field 'name' invalid");
  expect_chef_error(
      [] {
        normalize_cookbook_version(with(v0_body(), "cookbook_name", "x"), "apt", "1.2.3", false);
      },
      400, "Field 'cookbook_name' invalid");
  expect_chef_error(
      [] { normalize_cookbook_version(without(v0_body(), "name"), "apt", "1.2.3", false); }, 400,
      "Field 'name' missing");
  expect_chef_error(
      [] {
        normalize_cookbook_version(with(v0_body(), "version", "1.2.4"), "apt", "1.2.3", false);
      },
      400, "Field 'version' invalid");
  expect_chef_error(
      [] {
        normalize_cookbook_version(with(v0_body(), "json_class", "Chef::Role"), "apt", "1.2.3",
                                   false);
      },
      400, "Field 'json_class' invalid");
}

TEST(Cookbook, Metadata) {
  expect_chef_error(
      [] {
        normalize_cookbook_version(with(v0_body(), "metadata", Json::object()), "apt", "1.2.3",
                                   false);
      },
      400, "Field 'metadata.version' missing");
  Json other = v0_body();
  other["metadata"]["version"] = "1.2.4";
  expect_chef_error([&] { normalize_cookbook_version(other, "apt", "1.2.3", false); }, 400,
                    "Field 'metadata.version' invalid");
  for (const char* section : {"platforms", "dependencies"}) {
    Json b = v0_body();
    b["metadata"][section] = "foo";
    expect_chef_error([&] { normalize_cookbook_version(b, "apt", "1.2.3", false); }, 400,
                      "Field 'metadata." + std::string(section) + "' invalid");
    b["metadata"][section] = {{"foo", "s395dss@#"}};
    expect_chef_error([&] { normalize_cookbook_version(b, "apt", "1.2.3", false); }, 400,
                      "Invalid value 's395dss@#' for metadata." + std::string(section));
  }
  for (const char* good : {"> 1.0", "< 2.1.2", "3.3", "<= 4.6", "~> 5.6.2", ">= 6.0"}) {
    Json b = v0_body();
    b["metadata"]["dependencies"] = {{"chef-client", "> 2.0.0"}, {"apt", good}};
    EXPECT_NO_THROW(normalize_cookbook_version(b, "apt", "1.2.3", false)) << good;
  }
  for (const char* bad : {"> 1", "< 2", "3", "<= 4", "~> 5", ">= 6", "= 7", ">= 1.2.3.4"}) {
    Json b = v0_body();
    b["metadata"]["dependencies"] = {{"apt", bad}};
    expect_chef_error([&] { normalize_cookbook_version(b, "apt", "1.2.3", false); }, 400,
                      "Invalid value '" + std::string(bad) + "' for metadata.dependencies");
  }
  Json bad_key = v0_body();
  bad_key["metadata"]["dependencies"] = {{"bad name!", ">= 1.0"}};
  expect_chef_error([&] { normalize_cookbook_version(bad_key, "apt", "1.2.3", false); }, 400,
                    "Invalid key 'bad name!' for metadata.dependencies");
  Json providing = v0_body();
  providing["metadata"]["providing"] = {{"cats::sleep", "0.0.1"}};
  EXPECT_NO_THROW(normalize_cookbook_version(providing, "apt", "1.2.3", false));
}

TEST(Cookbook, Segments) {
  for (std::string_view segment : {"recipes", "templates", "root_files"}) {
    const std::string s(segment);
    expect_chef_error(
        [&] { normalize_cookbook_version(with(v0_body(), s, "foo"), "apt", "1.2.3", false); }, 400,
        "Field '" + s + "' invalid");
    expect_chef_error(
        [&] {
          normalize_cookbook_version(with(v0_body(), s, Json::array({Json::object()})), "apt",
                                     "1.2.3", false);
        },
        400, "Invalid element in array value of '" + s + "'.");
  }
  expect_chef_error(
      [] {
        normalize_cookbook_version(with(v2_body(), "all_files", Json::array({1})), "apt", "1.2.3",
                                   true);
      },
      400, "Invalid element in array value of 'all_files'.");
}

TEST(Cookbook, UrlChecks) {
  EXPECT_EQ(require_cookbook_url_version("1.2"), (Version{1, 2, 0}));
  expect_chef_error([] { require_cookbook_url_version("abc"); }, 400,
                    "Invalid cookbook version 'abc'.");
  expect_chef_error([] { require_cookbook_url_version("1.2.-42"); }, 400,
                    "Invalid cookbook version '1.2.-42'.");
  expect_chef_error([] { require_cookbook_url_version("1.2.9223372036854775849"); }, 400,
                    "Invalid cookbook version '1.2.9223372036854775849'.");
  require_cookbook_url_name("apt_2.x-y");
  expect_chef_error([] { require_cookbook_url_name("first@second"); }, 400,
                    "Invalid cookbook name 'first@second' using regex: 'Malformed cookbook name. "
                    "Must only contain A-Z, a-z, 0-9, _, . or -'.");
}

TEST(Cookbook, StoredFormIsAllFilesWithoutUrls) {
  Json body = v0_body();
  body["recipes"][0]["url"] = "http://old/url";
  Json stored = stored_cookbook_version(normalize_cookbook_version(body, "apt", "1.2.3", false));
  EXPECT_FALSE(stored.contains("recipes"));
  ASSERT_EQ(stored["all_files"].size(), 1u);
  EXPECT_EQ(stored["all_files"][0]["name"], "recipes/default.rb");
  EXPECT_FALSE(stored["all_files"][0].contains("url"));
  EXPECT_EQ(cookbook_dependencies(stored), Json({{"build-essential", ">= 1.0"}}));
  EXPECT_EQ(cookbook_dependencies(Json::object()), Json::object());
  EXPECT_FALSE(cookbook_frozen(stored));
  EXPECT_TRUE(cookbook_frozen(with(stored, "frozen?", true)));
  EXPECT_EQ(cookbook_version_key(Version{1, 2, 0}), "1.2.0");
}

}  // namespace
}  // namespace proofbox::zero::model
