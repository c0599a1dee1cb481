#pragma once
// Shared by the cookbook, sandbox and environment-cookbook API tests: the upload sequence knife
// uses (sandbox -> PUT each file -> commit) and cookbook bodies in both manifest forms.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_test_support.hpp"
#include "proofbox/zero/auth/base64.hpp"
#include "proofbox/zero/model/checksum.hpp"

namespace proofbox::zero::testing {

// The path part of a URL the server handed out (it starts with the server's own URL).
inline std::string path_of(const ApiClient& api, const std::string& url) {
  EXPECT_EQ(url.rfind(api.base_url(), 0), 0u) << url;
  return url.substr(api.base_url().size());
}

// Content-MD5 as knife sends it: base64 of the raw digest.
inline std::string content_md5(const std::string& bytes) {
  const std::string hex = model::md5_hex(bytes);
  std::string raw;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    raw.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return auth::base64_encode(raw);
}

// PUTs raw bytes to a file URL as knife's uploader does.
inline ApiResponse put_file(ApiClient& api, const std::string& url, const std::string& bytes) {
  return api.request("PUT", path_of(api, url), bytes,
                     {"Content-Type: application/x-binary", "Content-MD5: " + content_md5(bytes)});
}

// Uploads `files` through one sandbox (prefix "" or "/organizations/ORG"); returns the checksums.
inline std::vector<std::string> upload_files(ApiClient& api, const std::string& prefix,
                                             const std::vector<std::string>& files) {
  Json request = {{"checksums", Json::object()}};
  std::vector<std::string> sums;
  for (const auto& f : files) {
    sums.push_back(model::md5_hex(f));
    request["checksums"][sums.back()] = nullptr;
  }
  auto box = api.post(prefix + "/sandboxes", request);
  EXPECT_EQ(box.status, 201) << box.body;
  Json answer = box.json();
  for (std::size_t i = 0; i < files.size(); ++i) {
    const Json& entry = answer["checksums"][sums[i]];
    if (entry["needs_upload"] == true) {
      auto put = put_file(api, entry["url"], files[i]);
      EXPECT_EQ(put.status, 200) << put.body;
    }
  }
  auto commit = api.put(path_of(api, answer["uri"]), Json{{"is_completed", true}});
  EXPECT_EQ(commit.status, 200) << commit.body;
  return sums;
}

inline Json file_entry(const std::string& name, const std::string& path,
                       const std::string& checksum) {
  return Json{{"name", name}, {"path", path}, {"checksum", checksum}, {"specificity", "default"}};
}

// A cookbook version body without files, in either form.
inline Json cookbook_body(const std::string& name, const std::string& version, bool all_files,
                          const Json& dependencies = Json::object()) {
  Json cb = {{"name", name + "-" + version},
             {"cookbook_name", name},
             {"version", version},
             {"json_class", "Chef::CookbookVersion"},
             {"chef_type", "cookbook_version"},
             {"frozen?", false},
             {"metadata",
              {{"version", version},
               {"name", name},
               {"description", "A fabulous new cookbook"},
               {"long_description", ""},
               {"maintainer", "Your Name"},
               {"maintainer_email", "youremail@example.com"},
               {"license", "Apache v2.0"},
               {"dependencies", dependencies},
               {"attributes", Json::object()},
               {"recipes", Json::object()}}}};
  if (all_files) {
    cb["all_files"] = Json::array();
  } else {
    cb["recipes"] = Json::array();
  }
  return cb;
}

// Adds recipe files (already uploaded, given by name and checksum) in the body's form.
inline void add_recipe(Json& cb, const std::string& file, const std::string& checksum) {
  if (cb.contains("all_files")) {
    cb["all_files"].push_back(file_entry("recipes/" + file, "recipes/" + file, checksum));
  } else {
    cb["recipes"].push_back(file_entry(file, "recipes/" + file, checksum));
  }
}

// Uploads recipe files and PUTs NAME/VERSION with them (v0 form, API version 0).
inline void make_cookbook(ApiClient& api, const std::string& prefix, const std::string& name,
                          const std::string& version, const std::vector<std::string>& recipes = {},
                          const Json& dependencies = Json::object()) {
  Json cb = cookbook_body(name, version, false, dependencies);
  std::vector<std::string> contents;
  for (const auto& r : recipes) contents.push_back("# " + name + " " + version + " " + r + "\n");
  if (!contents.empty()) {
    auto sums = upload_files(api, prefix, contents);
    for (std::size_t i = 0; i < recipes.size(); ++i) add_recipe(cb, recipes[i] + ".rb", sums[i]);
  }
  auto r = api.put(prefix + "/cookbooks/" + name + "/" + version, cb, kV0);
  ASSERT_EQ(r.status, 201) << r.body;
}

}  // namespace proofbox::zero::testing
