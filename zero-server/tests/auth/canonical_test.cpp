#include "proofbox/zero/auth/canonical.hpp"

#include <gtest/gtest.h>

namespace proofbox::zero::auth {
namespace {

TEST(CanonicalPath, CollapsesSlashesAndDropsTrailingOne) {
  EXPECT_EQ(canonical_path("/organizations//chef///nodes/"), "/organizations/chef/nodes");
  EXPECT_EQ(canonical_path("/nodes/x"), "/nodes/x");
  EXPECT_EQ(canonical_path("/"), "/");
  EXPECT_EQ(canonical_path("//"), "/");
  EXPECT_EQ(canonical_path(""), "/");
  EXPECT_EQ(canonical_path("/search/node?q=role:web"), "/search/node");
}

TEST(Version, NamesAndParses) {
  EXPECT_EQ(version_string(SignVersion::V1_1), "1.1");
  EXPECT_EQ(algorithm_name(SignVersion::V1_0), "sha1");
  EXPECT_EQ(algorithm_name(SignVersion::V1_3), "sha256");
  EXPECT_EQ(parse_version("1.3"), SignVersion::V1_3);
  EXPECT_EQ(parse_version("1.2"), std::nullopt);
  EXPECT_EQ(parse_version("2.0"), std::nullopt);
}

CanonicalFields fields() {
  return {"get", "/organizations/chef/nodes/", "HASH", "2026-11-22T03:08:28Z", "alice", "1"};
}

TEST(CanonicalRequest, Version10SignsHashedPathAndPlainUser) {
  EXPECT_EQ(canonical_request(SignVersion::V1_0, fields()),
            "Method:GET\n"
            "Hashed Path:" +
                digest_base64(DigestAlg::Sha1, "/organizations/chef/nodes") +
                "\n"
                "X-Ops-Content-Hash:HASH\n"
                "X-Ops-Timestamp:2026-11-22T03:08:28Z\n"
                "X-Ops-UserId:alice");
}

TEST(CanonicalRequest, Version11HashesTheUserId) {
  EXPECT_EQ(canonical_request(SignVersion::V1_1, fields()),
            "Method:GET\n"
            "Hashed Path:" +
                digest_base64(DigestAlg::Sha1, "/organizations/chef/nodes") +
                "\n"
                "X-Ops-Content-Hash:HASH\n"
                "X-Ops-Timestamp:2026-11-22T03:08:28Z\n"
                "X-Ops-UserId:" +
                digest_base64(DigestAlg::Sha1, "alice"));
}

TEST(CanonicalRequest, Version13SignsPlainPathSignAndApiVersion) {
  EXPECT_EQ(canonical_request(SignVersion::V1_3, fields()),
            "Method:GET\n"
            "Path:/organizations/chef/nodes\n"
            "X-Ops-Content-Hash:HASH\n"
            "X-Ops-Sign:version=1.3\n"
            "X-Ops-Timestamp:2026-11-22T03:08:28Z\n"
            "X-Ops-UserId:alice\n"
            "X-Ops-Server-API-Version:1");
}

}  // namespace
}  // namespace proofbox::zero::auth
