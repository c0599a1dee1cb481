// The whole upload knife does (POST sandbox -> PUT each file -> commit -> PUT the cookbook
// version), then the download chef-client does (GET the version, GET every file url), in the v0
// and the v2 manifest forms, checking the downloaded bytes are the uploaded ones.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "cookbook_api_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;
using proofbox::zero::model::md5_hex;

// Bytes with NULs and high bytes, as an image file has.
constexpr char kLogo[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe";

// path in the cookbook -> content. Includes a binary file and a root file.
const std::map<std::string, std::string>& cookbook_files() {
  static const std::map<std::string, std::string> files = {
      {"recipes/default.rb", "package 'memcached'\nservice 'memcached' do\n  action :start\nend\n"},
      {"recipes/config.rb", "template '/etc/memcached.conf'\n"},
      {"templates/default/memcached.conf.erb", "-p <%= @port %>\n-m 64\n"},
      {"files/default/logo.bin", std::string(kLogo, sizeof kLogo - 1)},
      {"attributes/default.rb", "default['memcached']['port'] = 11211\n"},
      {"metadata.rb", "name 'memcached'\nversion '2.1.0'\n"},
  };
  return files;
}

// The segment a path belongs to and its v0 name.
std::pair<std::string, std::string> segment_of(const std::string& path) {
  const auto slash = path.find('/');
  if (slash == std::string::npos) return {"root_files", path};
  const std::string segment = path.substr(0, slash);
  std::string name = path.substr(path.rfind('/') + 1);
  return {segment, name};
}

class CookbookUploadApiTest : public zt::OrgFormsApiTest {
 protected:
  // Steps 1-3: sandbox, upload what it asks for, commit.
  void upload_sandbox() {
    Json request = {{"checksums", Json::object()}};
    for (const auto& [p, content] : cookbook_files())
      request["checksums"][md5_hex(content)] = nullptr;
    auto box = api_.post(path("/sandboxes"), request);
    ASSERT_EQ(box.status, 201) << box.body;
    int uploads = 0;
    const Json answer = box.json();
    for (const auto& [sum, entry] : answer["checksums"].items()) {
      ASSERT_EQ(entry["needs_upload"], true) << sum;
      ASSERT_EQ(entry["url"], url("/file_store/checksums/" + sum));
      const std::string* content = nullptr;
      for (const auto& [p, c] : cookbook_files()) {
        if (md5_hex(c) == sum) content = &c;
      }
      ASSERT_NE(content, nullptr);
      auto put = zt::put_file(api_, entry["url"], *content);
      ASSERT_EQ(put.status, 200) << put.body;
      ++uploads;
    }
    EXPECT_EQ(uploads, static_cast<int>(cookbook_files().size()));
    auto commit = api_.put(zt::path_of(api_, answer["uri"]), Json{{"is_completed", true}});
    ASSERT_EQ(commit.status, 200) << commit.body;
  }

  // Step 4 body, in the form of `api_version`.
  Json version_body(bool all_files) const {
    Json cb = zt::cookbook_body("memcached", "2.1.0", all_files, {{"apt", ">= 1.0.0"}});
    cb.erase(all_files ? "all_files" : "recipes");
    for (const auto& [p, content] : cookbook_files()) {
      const auto [segment, name] = segment_of(p);
      Json entry = zt::file_entry(all_files ? segment + "/" + name : name, p, md5_hex(content));
      cb[all_files ? "all_files" : segment].push_back(entry);
    }
    return cb;
  }

  // Every file of a served version: url and checksum must give the uploaded bytes.
  void expect_downloads_match(const Json& served, bool all_files) {
    std::vector<Json> entries;
    if (all_files) {
      for (const Json& f : served["all_files"]) entries.push_back(f);
    } else {
      for (const char* s : {"attributes", "definitions", "files", "libraries", "providers",
                            "recipes", "resources", "root_files", "templates"}) {
        ASSERT_TRUE(served.contains(s)) << s;
        for (const Json& f : served[s]) entries.push_back(f);
      }
    }
    ASSERT_EQ(entries.size(), cookbook_files().size());
    for (const Json& f : entries) {
      const std::string& original = cookbook_files().at(f["path"]);
      EXPECT_EQ(f["checksum"], md5_hex(original));
      auto got = api_.get(zt::path_of(api_, f["url"]));
      ASSERT_EQ(got.status, 200) << f.dump();
      EXPECT_EQ(got.body, original) << f["path"];
    }
  }

  void round_trip(const std::vector<std::string>& put_version, bool put_all_files) {
    upload_sandbox();
    auto put =
        api_.put(path("/cookbooks/memcached/2.1.0"), version_body(put_all_files), put_version);
    ASSERT_EQ(put.status, 201) << put.body;
    Json v0 = api_.get(path("/cookbooks/memcached/2.1.0"), zt::kV0).json();
    Json v2 = api_.get(path("/cookbooks/memcached/2.1.0"), zt::kV2).json();
    expect_downloads_match(v0, false);
    expect_downloads_match(v2, true);
    EXPECT_EQ(v0["recipes"].size(), 2u);
    EXPECT_EQ(v0["root_files"][0]["name"], "metadata.rb");
    EXPECT_EQ(v0["templates"][0]["name"], "memcached.conf.erb");
    EXPECT_EQ(v2["metadata"]["dependencies"], Json({{"apt", ">= 1.0.0"}}));
    EXPECT_EQ(api_.get(path("/cookbooks/_recipes")).json(),
              Json::array({"memcached", "memcached::config"}));
    // A second upload of the same files needs nothing.
    Json again = {{"checksums", {{md5_hex(cookbook_files().at("metadata.rb")), nullptr}}}};
    const Json box = api_.post(path("/sandboxes"), again).json();
    EXPECT_EQ(box["checksums"].begin().value()["needs_upload"], false);
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, CookbookUploadApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(CookbookUploadApiTest, KnifeUploadInV0Form) {
  round_trip(zt::kV0, false);
}

TEST_P(CookbookUploadApiTest, KnifeUploadInV2Form) {
  round_trip(zt::kV2, true);
}

TEST_P(CookbookUploadApiTest, V0AndV2UploadsStoreTheSameVersion) {
  upload_sandbox();
  ASSERT_EQ(api_.put(path("/cookbooks/memcached/2.1.0"), version_body(false), zt::kV0).status, 201);
  Json from_v0 = api_.get(path("/cookbooks/memcached/2.1.0"), zt::kV2).json();
  ASSERT_EQ(api_.put(path("/cookbooks/memcached/2.1.0"), version_body(true), zt::kV2).status, 200);
  Json from_v2 = api_.get(path("/cookbooks/memcached/2.1.0"), zt::kV2).json();
  auto by_path = [](const Json& cb) {
    std::map<std::string, Json> out;
    for (const Json& f : cb["all_files"]) out[f["path"]] = f;
    return out;
  };
  EXPECT_EQ(by_path(from_v0), by_path(from_v2));
}

}  // namespace
