#include "proofbox/zero/auth/signing.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/zero/auth/base64.hpp"
#include "proofbox/zero/auth/timestamp.hpp"
#include "test_support.hpp"

namespace proofbox::zero::auth {
namespace {

using ::testing::ElementsAre;
using ::testing::MatchesRegex;
using namespace proofbox::zero::auth::testing;

SignInput input(SignVersion v) {
  SignInput in;
  in.method = "POST";
  in.path = "/organizations/chef/nodes";
  in.body = R"({"name":"web1"})";
  in.user_id = "alice";
  in.timestamp = "2026-11-22T03:08:28Z";
  in.version = v;
  return in;
}

std::vector<std::string> names(const Headers& h) {
  std::vector<std::string> out;
  for (const auto& [k, v] : h) out.push_back(k);
  return out;
}

TEST(SignRequest, SendsTheHeadersMixlibSends) {
  Headers h = sign_request(input(SignVersion::V1_3), read_file(kPrivateKeyPath));
  // 2048-bit signature: 256 bytes, 344 base64 characters, six lines.
  EXPECT_THAT(names(h),
              ElementsAre("X-Ops-Sign", "X-Ops-Userid", "X-Ops-Timestamp", "X-Ops-Content-Hash",
                          "X-Ops-Server-API-Version", "X-Ops-Authorization-1",
                          "X-Ops-Authorization-2", "X-Ops-Authorization-3", "X-Ops-Authorization-4",
                          "X-Ops-Authorization-5", "X-Ops-Authorization-6"));
  EXPECT_EQ(*find(h, "X-Ops-Sign"), "algorithm=sha256;version=1.3;");
  EXPECT_EQ(*find(h, "X-Ops-Userid"), "alice");
  EXPECT_EQ(*find(h, "X-Ops-Timestamp"), "2026-11-22T03:08:28Z");
  EXPECT_EQ(*find(h, "X-Ops-Content-Hash"), digest_base64(DigestAlg::Sha256, R"({"name":"web1"})"));
  EXPECT_EQ(*find(h, "X-Ops-Server-API-Version"), "1");
}

TEST(SignRequest, UsesSha1ForVersions10And11) {
  for (auto v : {SignVersion::V1_0, SignVersion::V1_1}) {
    Headers h = sign_request(input(v), read_file(kPrivateKeyPath));
    EXPECT_EQ(*find(h, "X-Ops-Sign"),
              "algorithm=sha1;version=" + std::string(version_string(v)) + ";");
    EXPECT_EQ(*find(h, "X-Ops-Content-Hash"), digest_base64(DigestAlg::Sha1, R"({"name":"web1"})"));
  }
}

TEST(SignRequest, SplitsTheSignatureInto60CharacterLines) {
  Headers h = sign_request(input(SignVersion::V1_0), read_file(kPrivateKeyPath));
  std::string joined;
  for (int n = 1; n <= 6; ++n) {
    auto line = find(h, "X-Ops-Authorization-" + std::to_string(n));
    ASSERT_TRUE(line) << n;
    EXPECT_EQ(line->size(), n < 6 ? 60u : 44u) << n;
    joined += *line;
  }
  auto sig = base64_decode(joined);
  ASSERT_TRUE(sig);
  EXPECT_EQ(sig->size(), 256u);
}

TEST(SignRequest, IsDeterministicForAFixedTimestamp) {
  // PKCS#1 v1.5 has no randomness: equal input, equal headers (what the Ruby check relies on).
  for (auto v : {SignVersion::V1_0, SignVersion::V1_1, SignVersion::V1_3}) {
    EXPECT_EQ(sign_request(input(v), read_file(kPrivateKeyPath)),
              sign_request(input(v), read_file(kPrivateKeyPath)));
  }
}

TEST(SignRequest, CanonicalisesTheTimestamp) {
  SignInput in = input(SignVersion::V1_3);
  in.timestamp = "2026-11-22T04:08:28+01:00";
  EXPECT_EQ(*find(sign_request(in, read_file(kPrivateKeyPath)), "X-Ops-Timestamp"),
            "2026-11-22T03:08:28Z");
}

TEST(SignRequest, EmptyTimestampMeansNow) {
  SignInput in = input(SignVersion::V1_3);
  in.timestamp.clear();
  auto before = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto stamp =
      parse_iso8601(*find(sign_request(in, read_file(kPrivateKeyPath)), "X-Ops-Timestamp"));
  auto after = std::chrono::system_clock::now();
  ASSERT_TRUE(stamp);
  EXPECT_GE(*stamp, before);
  EXPECT_LE(*stamp, after);
}

TEST(SignRequest, RejectsBadInput) {
  SignInput in = input(SignVersion::V1_3);
  EXPECT_THROW(sign_request(in, read_file(kPublicKeyPath)), std::invalid_argument);
  EXPECT_THROW(sign_request(in, "garbage"), std::invalid_argument);
  in.timestamp = "last tuesday";
  EXPECT_THROW(sign_request(in, read_file(kPrivateKeyPath)), std::invalid_argument);
}

TEST(SignRequest, LongUserIdsNeedVersion11Or13) {
  // 1.0 puts the user id in the RSA block itself; 1.1 hashes it and 1.3 signs a digest.
  SignInput in = input(SignVersion::V1_0);
  in.user_id = std::string(200, 'u');
  EXPECT_THROW(sign_request(in, read_file(kPrivateKeyPath)), std::invalid_argument);
  in.version = SignVersion::V1_1;
  EXPECT_NO_THROW(sign_request(in, read_file(kPrivateKeyPath)));
  in.version = SignVersion::V1_3;
  EXPECT_NO_THROW(sign_request(in, read_file(kPrivateKeyPath)));
}

TEST(SignRequest, LoadedKeyOverloadSignsAsThePemOne) {
  const std::string pem = read_file(kPrivateKeyPath);
  const PKey key = load_private_key(pem);
  for (auto v : {SignVersion::V1_0, SignVersion::V1_1, SignVersion::V1_3}) {
    EXPECT_EQ(sign_request(input(v), key), sign_request(input(v), pem)) << version_string(v);
  }
  EXPECT_THROW(sign_request(input(SignVersion::V1_3), PKey()), std::invalid_argument);
}

}  // namespace
}  // namespace proofbox::zero::auth
