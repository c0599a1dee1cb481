// Cross-checks against the reference implementation, Ruby's mixlib-authentication (what knife
// and chef-client sign with): Ruby signs and we verify, we sign and Ruby verifies, and for a
// fixed timestamp both produce the same bytes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/zero/auth/signing.hpp"
#include "proofbox/zero/auth/timestamp.hpp"
#include "proofbox/zero/auth/verify.hpp"
#include "test_support.hpp"

namespace proofbox::zero::auth {
namespace {

using namespace proofbox::zero::auth::testing;

const std::string kStamp = "2026-11-22T03:08:28Z";

struct Case {
  SignVersion version;
  std::string method, path, body;
};

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string v(version_string(info.param.version));
  return "v" + v.substr(0, 1) + v.substr(2, 1) + "_" + info.param.method;
}

class RubyCrossCheck : public ::testing::TestWithParam<Case> {
 protected:
  Json ruby_sign(const std::string& timestamp) const {
    const Case& c = GetParam();
    return run_ruby("sign.rb", {{"key_path", kPrivateKeyPath},
                                {"version", std::string(version_string(c.version))},
                                {"method", c.method},
                                {"path", c.path},
                                {"body", c.body},
                                {"user_id", "node-web1.example.com"},
                                {"timestamp", timestamp},
                                {"server_api_version", "1"}});
  }
  Headers cpp_sign(const std::string& timestamp) const {
    const Case& c = GetParam();
    SignInput in{c.method, c.path, c.body, "node-web1.example.com", timestamp, c.version, "1"};
    return sign_request(in, read_file(kPrivateKeyPath));
  }
};

// Paths with doubled and trailing slashes check that both canonicalise alike.
INSTANTIATE_TEST_SUITE_P(
    Mixlib, RubyCrossCheck,
    ::testing::Values(Case{SignVersion::V1_0, "GET", "/organizations/chef/nodes/web1", ""},
                      Case{SignVersion::V1_0, "POST", "/organizations/chef//roles/",
                           R"({"name":"web","run_list":["recipe[nginx]"]})"},
                      Case{SignVersion::V1_1, "GET", "/organizations/chef/nodes/web1", ""},
                      Case{SignVersion::V1_1, "PUT", "/organizations/chef/nodes/web1/",
                           "{\"name\":\"web1\",\"note\":\"caf\xc3\xa9\\n\"}"},
                      Case{SignVersion::V1_3, "GET", "/organizations/chef/nodes/web1", ""},
                      Case{SignVersion::V1_3, "POST", "/organizations//chef/data/bag/",
                           R"({"id":"item","secret":"s3cr3t"})"}),
    case_name);

TEST_P(RubyCrossCheck, WeVerifyWhatRubySigns) {
  Json ruby = ruby_sign(kStamp);
  ASSERT_TRUE(ruby.is_object()) << ruby.dump();
  const Case& c = GetParam();
  Headers headers = headers_from_json(ruby);
  // mixlib leaves X-Ops-Server-API-Version to the HTTP client, which sends the value it signed.
  headers.emplace_back("X-Ops-Server-API-Version", "1");
  VerifyInput in = verify_input(c.method, c.path, c.body, headers, "node-web1.example.com",
                                read_file(kPublicKeyPath));
  in.now = *parse_iso8601(kStamp) + std::chrono::seconds{30};
  VerifyResult res = verify_request(in);
  EXPECT_TRUE(res.ok) << res.message << "\n" << ruby.dump(2);
}

TEST_P(RubyCrossCheck, RubyVerifiesWhatWeSign) {
  const Case& c = GetParam();
  Headers ours = cpp_sign("");  // now: mixlib checks the timestamp against its own clock
  Json result = run_ruby("verify.rb", {{"public_key_path", kPublicKeyPath},
                                       {"method", c.method},
                                       {"path", c.path},
                                       {"body", c.body},
                                       {"headers", headers_to_json(ours)},
                                       {"skew", 900}});
  ASSERT_TRUE(result.is_object()) << result.dump();
  EXPECT_EQ(result["ok"], true) << result.dump();
}

TEST_P(RubyCrossCheck, RubyRejectsWhatWeSignForAnotherBody) {
  // Guards the test above against a Ruby verifier that accepts anything.
  const Case& c = GetParam();
  Json result = run_ruby("verify.rb", {{"public_key_path", kPublicKeyPath},
                                       {"method", c.method},
                                       {"path", c.path},
                                       {"body", c.body + " "},
                                       {"headers", headers_to_json(cpp_sign(""))},
                                       {"skew", 900}});
  ASSERT_TRUE(result.is_object()) << result.dump();
  EXPECT_EQ(result["ok"], false) << result.dump();
}

TEST_P(RubyCrossCheck, SameBytesAsRubyForTheSameInput) {
  // PKCS#1 v1.5 is deterministic, so every header must match byte for byte.
  Json ruby = ruby_sign(kStamp);
  ASSERT_TRUE(ruby.is_object()) << ruby.dump();
  Headers ours = cpp_sign(kStamp);
  size_t compared = 0;
  for (const auto& [name, value] : ours) {
    if (name == "X-Ops-Server-API-Version") continue;  // mixlib does not set it
    ASSERT_TRUE(ruby.contains(name)) << name << " missing from " << ruby.dump(2);
    EXPECT_EQ(ruby[name].get<std::string>(), value) << name;
    ++compared;
  }
  EXPECT_EQ(compared, ruby.size()) << "Ruby sent headers we do not: " << ruby.dump(2);
  EXPECT_EQ(compared, 10u);  // 4 X-Ops headers + 6 signature lines for a 2048-bit key
}

}  // namespace
}  // namespace proofbox::zero::auth
