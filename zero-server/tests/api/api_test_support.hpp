#pragma once
// Shared by the API tests: fixtures owning a test server and a client, error-body checks, and
// key-pair helpers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/auth/rsa.hpp"
#include "proofbox/zero/json.hpp"
#include "support/api_test_server.hpp"

namespace proofbox::zero::testing {

// Request headers asking for one server API version.
inline const std::vector<std::string> kV0 = {"X-Ops-Server-API-Version: 0"};
inline const std::vector<std::string> kV1 = {"X-Ops-Server-API-Version: 1"};
inline const std::vector<std::string> kV2 = {"X-Ops-Server-API-Version: 2"};

// The Chef error shape {"error": [message]} with this status.
inline void expect_error(const ApiResponse& r, long status, const std::string& message) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.json(), Json({{"error", Json::array({message})}})) << r.body;
}

// erchef answers a few key errors with one string rather than a list.
inline void expect_string_error(const ApiResponse& r, long status, const std::string& message) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.json(), Json({{"error", message}})) << r.body;
}

// True when `private_pem` signs what `public_pem` verifies: the pair really belongs together.
inline bool pair_matches(const std::string& private_pem, const std::string& public_pem) {
  auth::PKey priv = auth::load_private_key(private_pem);
  auth::PKey pub = auth::load_public_key(public_pem);
  const std::string sig = auth::rsa_sign(priv, auth::DigestAlg::Sha256, "proofbox");
  return auth::rsa_verify(pub, auth::DigestAlg::Sha256, "proofbox", sig);
}

// A key pair the tests make themselves (the server never sees its private half).
inline const auth::KeyPair& test_made_pair() {
  static const auth::KeyPair pair = auth::generate_key_pair(1024);
  return pair;
}

// A server-level fixture: paths are used as given.
class ServerApiTest : public ::testing::Test {
 protected:
  std::string url(const std::string& rest) const { return server_.url() + rest; }

  ApiTestServer server_;
  ApiClient api_{server_.url()};
};

// An org-level fixture: every test runs against the unscoped form (default org) and
// /organizations/chef; GetParam() is the path prefix. Instantiate with
// INSTANTIATE_TEST_SUITE_P(Forms, Fixture, org_forms(), org_form_name).
class OrgFormsApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::string path(const std::string& rest) const { return GetParam() + rest; }
  std::string url(const std::string& rest) const { return server_.url() + GetParam() + rest; }

  ApiTestServer server_;
  ApiClient api_{server_.url()};
};

inline auto org_forms() {
  return ::testing::Values("", "/organizations/chef");
}

inline std::string org_form_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param.empty() ? "unscoped" : "org";
}

}  // namespace proofbox::zero::testing
