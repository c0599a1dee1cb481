#include "proofbox/zero/model/sandbox.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "model_test_support.hpp"

namespace proofbox::zero::model {
namespace {

using test_support::expect_chef_error;

constexpr const char* kA = "385ea5490c86570c7de71070bce9384a";
constexpr const char* kB = "F6F73175E979BD90AF6184EC277F760C";

TEST(Sandbox, RequestChecksumsAsWritten) {
  auto sums = sandbox_request_checksums(Json{{"checksums", {{kA, nullptr}, {kB, nullptr}}}});
  ASSERT_EQ(sums.size(), 2u);
  EXPECT_NE(std::find(sums.begin(), sums.end(), kB), sums.end());
}

TEST(Sandbox, RejectsBadRequests) {
  expect_chef_error([] { sandbox_request_checksums(Json::object()); }, 400,
                    "Field 'checksums' missing");
  for (const Json& bad : {Json(Json::object()), Json("x"), Json::array({kA}), Json{{kA, true}},
                          Json{{"not-an-md5", nullptr}}}) {
    expect_chef_error(
        [&] {
          sandbox_request_checksums(Json{{"checksums", bad}});
        },
        400, "Field 'checksums' invalid");
  }
  expect_chef_error([] { sandbox_request_checksums(Json::array()); }, 400,
                    "Incorrect JSON type for request body");
}

TEST(Sandbox, StoredDocumentAndCommitAnswer) {
  Json box = new_sandbox({kA}, "2026-11-23T10:00:00+00:00");
  EXPECT_EQ(sandbox_checksums(box), std::vector<std::string>{kA});
  Json done = committed_sandbox("abc", box);
  EXPECT_EQ(done, Json({{"guid", "abc"},
                        {"name", "abc"},
                        {"checksums", {kA}},
                        {"create_time", "2026-11-23T10:00:00+00:00"},
                        {"is_completed", true}}));
}

TEST(Sandbox, CommitNeedsIsCompletedTrue) {
  require_sandbox_commit(Json{{"is_completed", true}});
  for (const Json& bad :
       {Json::object(), Json{{"is_completed", false}}, Json{{"is_completed", "true"}}}) {
    expect_chef_error([&] { require_sandbox_commit(bad); }, 400,
                      "JSON body must contain key '\"complete\"' with value 'true'.");
  }
}

TEST(Sandbox, MissingFilesMessage) {
  EXPECT_EQ(sandbox_missing_files_message("id1", {"aa", "bb"}),
            "Cannot update sandbox id1: the following checksums have not been uploaded: aa, bb");
}

}  // namespace
}  // namespace proofbox::zero::model
