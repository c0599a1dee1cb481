// /sandboxes, /sandboxes/ID and /file_store/checksums/MD5 over HTTP, with and without
// /organizations/chef (erchef chef_wm_sandboxes / chef_wm_named_sandbox, chef-zero
// sandboxes_endpoint / file_store_file_endpoint, pedant sandboxes specs).
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "cookbook_api_support.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;
using proofbox::zero::model::md5_hex;

class SandboxesApiTest : public zt::OrgFormsApiTest {
 protected:
  Json create(const std::vector<std::string>& sums) {
    Json body = {{"checksums", Json::object()}};
    for (const auto& s : sums) body["checksums"][s] = nullptr;
    auto r = api_.post(path("/sandboxes"), body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json();
  }
};

INSTANTIATE_TEST_SUITE_P(Forms, SandboxesApiTest, zt::org_forms(), zt::org_form_name);

TEST_P(SandboxesApiTest, CreateListsWhatToUploadAndWhere) {
  const std::string a = md5_hex("file a"), b = md5_hex("file b");
  Json box = create({a, b});
  const std::string id = box["sandbox_id"];
  EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{32}"))) << id;
  EXPECT_EQ(box["uri"], url("/sandboxes/" + id));
  EXPECT_EQ(box["checksums"],
            Json({{a, {{"needs_upload", true}, {"url", url("/file_store/checksums/" + a)}}},
                  {b, {{"needs_upload", true}, {"url", url("/file_store/checksums/" + b)}}}}));
  EXPECT_NE(create({a})["sandbox_id"], id);  // every sandbox is new
}

TEST_P(SandboxesApiTest, UploadedFilesNeedNoUploadAgain) {
  const std::string sum = zt::upload_files(api_, GetParam(), {"known"})[0];
  const std::string other = md5_hex("unknown");
  Json box = create({sum, other});
  EXPECT_EQ(box["checksums"][sum], Json({{"needs_upload", false}}));
  EXPECT_EQ(box["checksums"][other]["needs_upload"], true);
}

TEST_P(SandboxesApiTest, CommitBeforeUploadIs503AndAfterIs200) {
  const std::string a = md5_hex("alpha"), b = md5_hex("beta");
  Json box = create({a, b});
  const std::string id = box["sandbox_id"];
  const std::string commit_path = zt::path_of(api_, box["uri"]);
  EXPECT_EQ(zt::put_file(api_, box["checksums"][a]["url"], "alpha").status, 200);

  auto early = api_.put(commit_path, Json{{"is_completed", true}});
  zt::expect_error(
      early, 503,
      "Cannot update sandbox " + id + ": the following checksums have not been uploaded: " + b);

  EXPECT_EQ(zt::put_file(api_, box["checksums"][b]["url"], "beta").status, 200);
  auto done = api_.put(commit_path, Json{{"is_completed", true}});
  ASSERT_EQ(done.status, 200) << done.body;
  Json answer = done.json();
  EXPECT_EQ(answer["guid"], id);
  EXPECT_EQ(answer["name"], id);
  EXPECT_EQ(answer["is_completed"], true);
  EXPECT_EQ(answer["checksums"].size(), 2u);
  EXPECT_TRUE(std::regex_match(answer["create_time"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00)")));
  // Committing consumes the sandbox.
  zt::expect_error(api_.put(commit_path, Json{{"is_completed", true}}), 404,
                   "No such sandbox '" + id + "'.");
}

TEST_P(SandboxesApiTest, BadRequests) {
  zt::expect_error(api_.post(path("/sandboxes"), Json::object()), 400, "Field 'checksums' missing");
  zt::expect_error(api_.post(path("/sandboxes"), Json{{"checksums", Json::object()}}), 400,
                   "Field 'checksums' invalid");
  zt::expect_error(api_.post(path("/sandboxes"), Json{{"checksums", {{"nothex", nullptr}}}}), 400,
                   "Field 'checksums' invalid");
  Json box = create({md5_hex("x")});
  zt::expect_error(api_.put(zt::path_of(api_, box["uri"]), Json{{"is_completed", false}}), 400,
                   "JSON body must contain key '\"complete\"' with value 'true'.");
  zt::expect_error(api_.put(path("/sandboxes/nosuch"), Json{{"is_completed", true}}), 404,
                   "No such sandbox 'nosuch'.");
  EXPECT_EQ(api_.get(path("/sandboxes")).status, 405);
}

TEST_P(SandboxesApiTest, UploadWithWrongMd5IsRefusedAndNothingIsStored) {
  const std::string sum = md5_hex("the real bytes");
  Json box = create({sum});
  const std::string file_url = box["checksums"][sum]["url"];
  auto wrong = api_.request("PUT", zt::path_of(api_, file_url), "other bytes",
                            {"Content-Type: application/x-binary"});
  zt::expect_error(
      wrong, 400,
      "Checksum mismatch: the uploaded content has MD5 " + md5_hex("other bytes") + ", not " + sum);
  // Right bytes, but a Content-MD5 header that disagrees.
  auto header = api_.request("PUT", zt::path_of(api_, file_url), "the real bytes",
                             {"Content-MD5: " + zt::content_md5("else")});
  EXPECT_EQ(header.status, 400) << header.body;
  EXPECT_EQ(api_.get(zt::path_of(api_, file_url)).status, 404);
  zt::expect_error(api_.put(zt::path_of(api_, box["uri"]), Json{{"is_completed", true}}), 503,
                   "Cannot update sandbox " + box["sandbox_id"].get<std::string>() +
                       ": the following checksums have not been uploaded: " + sum);
}

TEST_P(SandboxesApiTest, DownloadGivesTheExactBytes) {
  static constexpr char kBinary[] = "bin\0ary\xff\r\n data";
  const std::string bytes(kBinary, sizeof kBinary - 1);
  ASSERT_EQ(bytes.size(), 15u);
  const std::string sum = zt::upload_files(api_, GetParam(), {bytes})[0];
  auto got = api_.get(path("/file_store/checksums/" + sum));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, bytes);
  EXPECT_EQ(got.header("content-type"), "application/x-binary");
  EXPECT_EQ(api_.get(path("/file_store/checksums/" + md5_hex("never"))).status, 404);
}

// Like the presigned URLs of the real server, file URLs need no signature; sandboxes do.
TEST(FileStoreAuth, FileUrlsArePublicSandboxesAreNot) {
  proofbox::zero::api::ApiOptions options;
  options.auth = proofbox::zero::api::AuthMode::kVerify;
  zt::ApiTestServer server(options);
  zt::ApiClient api(server.url());
  const std::string bytes = "public bytes";
  const std::string sum = md5_hex(bytes);
  EXPECT_EQ(zt::put_file(api, server.url() + "/file_store/checksums/" + sum, bytes).status, 200);
  auto got = api.get("/organizations/chef/file_store/checksums/" + sum);
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, bytes);
  // An unsigned request to an authenticated route is refused (400: no authentication headers).
  auto unsigned_box = api.post("/sandboxes", Json{{"checksums", {{sum, nullptr}}}});
  EXPECT_EQ(unsigned_box.status, 400);
  EXPECT_NE(unsigned_box.body.find("missing required authentication header"), std::string::npos);
}

}  // namespace
