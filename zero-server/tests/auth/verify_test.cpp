#include "proofbox/zero/auth/verify.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/auth/signing.hpp"
#include "proofbox/zero/auth/timestamp.hpp"
#include "test_support.hpp"

namespace proofbox::zero::auth {
namespace {

using namespace proofbox::zero::auth::testing;
using std::chrono::seconds;

const std::string kStamp = "2026-11-22T03:08:28Z";
const auto kStampTime = *parse_iso8601(kStamp);

struct Request {
  std::string method, path, body;
};

const Request kGet{"GET", "/organizations/chef/nodes/web1", ""};
const Request kPost{"POST", "/organizations/chef/nodes", R"({"name":"web1","run_list":[]})"};

Headers sign(const Request& r, SignVersion v, const std::string& private_pem,
             const std::string& user = "alice") {
  SignInput in{r.method, r.path, r.body, user, kStamp, v};
  return sign_request(in, private_pem);
}

VerifyResult verify(const Request& r, Headers headers, const std::string& public_pem,
                    std::chrono::system_clock::time_point now = kStampTime) {
  VerifyInput in = verify_input(r.method, r.path, r.body, std::move(headers), "alice", public_pem);
  in.now = now;
  return verify_request(in);
}

class VerifyByVersion : public ::testing::TestWithParam<SignVersion> {
 protected:
  std::string priv = read_file(kPrivateKeyPath);
  std::string pub = read_file(kPublicKeyPath);
};

INSTANTIATE_TEST_SUITE_P(AllVersions, VerifyByVersion,
                         ::testing::Values(SignVersion::V1_0, SignVersion::V1_1, SignVersion::V1_3),
                         [](const auto& info) {
                           return "v" + std::string(1, version_string(info.param)[0]) +
                                  std::string(1, version_string(info.param)[2]);
                         });

TEST_P(VerifyByVersion, RoundTripGetAndPost) {
  for (const Request& r : {kGet, kPost}) {
    VerifyResult res = verify(r, sign(r, GetParam(), priv), pub);
    EXPECT_TRUE(res.ok) << r.method << ": " << res.message;
    EXPECT_EQ(res.status, 200);
    EXPECT_EQ(res.user_id, "alice");
    EXPECT_EQ(res.failure, VerifyFailure::None);
  }
}

TEST_P(VerifyByVersion, AcceptsPkcs1PublicKeys) {
  EXPECT_TRUE(verify(kPost, sign(kPost, GetParam(), priv), read_file(kPkcs1PublicKeyPath)).ok);
}

TEST_P(VerifyByVersion, AcceptsAnEquivalentPathSpelling) {
  // Both sides canonicalise: doubled and trailing slashes do not change what was signed.
  Request spelled = kGet;
  spelled.path = "/organizations//chef/nodes/web1/";
  EXPECT_TRUE(verify(spelled, sign(kGet, GetParam(), priv), pub).ok);
}

TEST_P(VerifyByVersion, TamperedBodyIsAContentHashMismatch) {
  Request tampered = kPost;
  tampered.body = R"({"name":"web2","run_list":[]})";
  VerifyResult res = verify(tampered, sign(kPost, GetParam(), priv), pub);
  EXPECT_FALSE(res.ok);
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.failure, VerifyFailure::ContentHashMismatch);
  EXPECT_EQ(res.message, "Invalid signature for user or client 'alice'");
}

TEST_P(VerifyByVersion, TamperedBodyWithMatchingHashHeaderFailsTheSignature) {
  Request tampered = kPost;
  tampered.body = "{}";
  Headers h = sign(kPost, GetParam(), priv);
  set_header(h, "X-Ops-Content-Hash", digest_base64(digest_for(GetParam()), tampered.body));
  VerifyResult res = verify(tampered, h, pub);
  EXPECT_FALSE(res.ok);
  EXPECT_EQ(res.failure, VerifyFailure::BadSignature);
}

TEST_P(VerifyByVersion, TamperedPathMethodOrUserFails) {
  Headers h = sign(kGet, GetParam(), priv);
  Request other_path = kGet;
  other_path.path = "/organizations/chef/nodes/web2";
  EXPECT_EQ(verify(other_path, h, pub).failure, VerifyFailure::BadSignature);
  Request other_method = kGet;
  other_method.method = "DELETE";
  EXPECT_EQ(verify(other_method, h, pub).failure, VerifyFailure::BadSignature);

  // Same key registered under another name: the user id is part of what was signed.
  Headers as_bob = h;
  set_header(as_bob, "X-Ops-Userid", "bob");
  VerifyInput in = verify_input(kGet.method, kGet.path, kGet.body, as_bob, "bob", pub);
  in.now = kStampTime;
  EXPECT_EQ(verify_request(in).failure, VerifyFailure::BadSignature);
}

TEST_P(VerifyByVersion, WrongKeyFails) {
  static const KeyPair other = generate_key_pair();
  VerifyResult res = verify(kPost, sign(kPost, GetParam(), other.private_pem), pub);
  EXPECT_FALSE(res.ok);
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.failure, VerifyFailure::BadSignature);
  EXPECT_EQ(res.message, "Invalid signature for user or client 'alice'");
}

TEST_P(VerifyByVersion, ClockSkewOf901SecondsFailsEitherWay) {
  Headers h = sign(kGet, GetParam(), priv);
  EXPECT_TRUE(verify(kGet, h, pub, kStampTime + seconds{899}).ok);
  EXPECT_TRUE(verify(kGet, h, pub, kStampTime - seconds{899}).ok);
  for (auto now : {kStampTime + seconds{901}, kStampTime - seconds{901}}) {
    VerifyResult res = verify(kGet, h, pub, now);
    EXPECT_FALSE(res.ok);
    EXPECT_EQ(res.status, 401);
    EXPECT_EQ(res.failure, VerifyFailure::ClockSkew);
    EXPECT_EQ(res.message, "Failed to authenticate as alice. Synchronize the clock on your host.");
  }
}

TEST_P(VerifyByVersion, LinesOutOfOrderStillVerify) {
  // Pad the signature headers out to 12 lines by splitting each in two, then send them
  // reversed: -10 arrives before -2 and must still be joined after -9.
  Headers signed_headers = sign(kPost, GetParam(), priv);
  std::string sig;
  Headers rest;
  for (const auto& [k, v] : signed_headers) {
    if (k.starts_with("X-Ops-Authorization-"))
      sig += v;
    else
      rest.emplace_back(k, v);
  }
  Headers lines;
  const size_t chunk = (sig.size() + 11) / 12;
  for (size_t i = 0, n = 1; i < sig.size(); i += chunk, ++n) {
    lines.emplace_back("X-Ops-Authorization-" + std::to_string(n), sig.substr(i, chunk));
  }
  ASSERT_EQ(lines.size(), 12u);
  std::reverse(lines.begin(), lines.end());
  rest.insert(rest.end(), lines.begin(), lines.end());
  EXPECT_TRUE(verify(kPost, rest, pub).ok);

  // Whereas a lexical order (1, 10, 11, 12, 2, ...) really is a different signature.
  std::sort(lines.begin(), lines.end());
  std::string lexical;
  for (const auto& [k, v] : lines) lexical += v;
  EXPECT_NE(lexical, sig);
}

TEST_P(VerifyByVersion, GarbageBase64Fails) {
  Headers h = sign(kGet, GetParam(), priv);
  set_header(h, "X-Ops-Authorization-2", "!!!! not base64 !!!!");
  VerifyResult res = verify(kGet, h, pub);
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.failure, VerifyFailure::BadSignature);
}

TEST_P(VerifyByVersion, MissingSignatureLinesFail) {
  Headers h = sign(kGet, GetParam(), priv);
  remove_header(h, "X-Ops-Authorization-1");
  EXPECT_EQ(verify(kGet, h, pub).failure, VerifyFailure::BadSignature);
  Headers dropped_last = sign(kGet, GetParam(), priv);
  remove_header(dropped_last, "X-Ops-Authorization-6");
  EXPECT_EQ(verify(kGet, dropped_last, pub).failure, VerifyFailure::BadSignature);
}

TEST_P(VerifyByVersion, UnknownUserFails) {
  Headers h = sign(kGet, GetParam(), priv, "mallory");
  VerifyResult res = verify(kGet, h, pub);  // only alice is known
  EXPECT_FALSE(res.ok);
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.failure, VerifyFailure::UnknownUser);
  EXPECT_EQ(res.user_id, "mallory");
  EXPECT_EQ(res.message,
            "Failed to authenticate as 'mallory'. Ensure that your node_name and client key are "
            "correct.");
}

TEST_P(VerifyByVersion, UnreadableStoredKeyFails) {
  VerifyResult res = verify(kGet, sign(kGet, GetParam(), priv), "not a key");
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.failure, VerifyFailure::BadSignature);
}

TEST(Verify, HeaderNamesAreMatchedCaseInsensitivelyByTheLookup) {
  Headers h = sign(kGet, SignVersion::V1_3, read_file(kPrivateKeyPath));
  for (auto& [k, v] : h) k = lower(k);
  EXPECT_TRUE(verify(kGet, h, read_file(kPublicKeyPath)).ok);
}

TEST(Verify, ServerApiVersionIsSignedByVersion13Only) {
  const std::string priv = read_file(kPrivateKeyPath), pub = read_file(kPublicKeyPath);
  Headers h13 = sign(kGet, SignVersion::V1_3, priv);
  set_header(h13, "X-Ops-Server-API-Version", "2");
  EXPECT_EQ(verify(kGet, h13, pub).failure, VerifyFailure::BadSignature);
  remove_header(h13, "X-Ops-Server-API-Version");  // absent means 0, and "1" was signed
  EXPECT_EQ(verify(kGet, h13, pub).failure, VerifyFailure::BadSignature);

  Headers h10 = sign(kGet, SignVersion::V1_0, priv);
  set_header(h10, "X-Ops-Server-API-Version", "2");
  EXPECT_TRUE(verify(kGet, h10, pub).ok);
}

TEST(Verify, MissingHeadersAreNamed) {
  VerifyResult none = verify(kGet, {}, read_file(kPublicKeyPath));
  EXPECT_FALSE(none.ok);
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(none.failure, VerifyFailure::MissingHeaders);
  EXPECT_EQ(none.message,
            "missing required authentication header(s) 'X-Ops-UserId', 'X-Ops-Timestamp', "
            "'X-Ops-Sign', 'X-Ops-Content-Hash'");

  Headers h = sign(kGet, SignVersion::V1_3, read_file(kPrivateKeyPath));
  remove_header(h, "X-Ops-Timestamp");
  VerifyResult one = verify(kGet, h, read_file(kPublicKeyPath));
  EXPECT_EQ(one.status, 400);
  EXPECT_EQ(one.user_id, "alice");
  EXPECT_EQ(one.message, "missing required authentication header(s) 'X-Ops-Timestamp'");
}

TEST(Verify, UnparseableTimestampIsABadHeader) {
  Headers h = sign(kGet, SignVersion::V1_3, read_file(kPrivateKeyPath));
  set_header(h, "X-Ops-Timestamp", "Sun, 22 Nov 2026 03:08:28 GMT");
  VerifyResult res = verify(kGet, h, read_file(kPublicKeyPath));
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.failure, VerifyFailure::BadTimestamp);
  EXPECT_EQ(res.message, "bad header(s) 'X-Ops-Timestamp'");
}

TEST(Verify, UnsupportedSignDescriptions) {
  const std::string pub = read_file(kPublicKeyPath);
  Headers h = sign(kGet, SignVersion::V1_3, read_file(kPrivateKeyPath));
  for (const char* desc : {"version=1.2", "version=2.0", "algorithm=sha1;version=1.3",
                           "algorithm=sha256;version=1.0", "algorithm=sha256", "junk"}) {
    Headers bad = h;
    set_header(bad, "X-Ops-Sign", desc);
    VerifyResult res = verify(kGet, bad, pub);
    EXPECT_EQ(res.status, 400) << desc;
    EXPECT_EQ(res.failure, VerifyFailure::BadSignDescription) << desc;
    EXPECT_EQ(res.message, "Unsupported authentication protocol version") << desc;
  }
}

TEST(Verify, Version10ClientsMayOmitTheAlgorithm) {
  Headers h = sign(kGet, SignVersion::V1_0, read_file(kPrivateKeyPath));
  set_header(h, "X-Ops-Sign", "version=1.0");
  EXPECT_TRUE(verify(kGet, h, read_file(kPublicKeyPath)).ok);
}

TEST(Verify, ANewSignatureVerifiesAgainstTheRealClock) {
  SignInput in{kPost.method, kPost.path, kPost.body, "alice", /*timestamp: now*/ ""};
  VerifyInput v = verify_input(kPost.method, kPost.path, kPost.body,
                               sign_request(in, read_file(kPrivateKeyPath)), "alice",
                               read_file(kPublicKeyPath));
  EXPECT_TRUE(verify_request(v).ok);  // v.now defaults to the current time
}

}  // namespace
}  // namespace proofbox::zero::auth
