// `--auth verify` over real HTTP: requests signed by proofbox's own signer (every protocol
// version) and by the reference implementation (Debian's ruby-mixlib-authentication) are
// accepted; unsigned, tampered, stale and unknown-signer requests are refused with Chef's bodies.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include "auth/test_support.hpp"
#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/auth/signing.hpp"
#include "proofbox/zero/auth/timestamp.hpp"
#include "support/api_test_server.hpp"

namespace proofbox::zero {
namespace {

using testing::ApiResponse;
using testing::ApiTestServer;
using ::testing::HasSubstr;

api::ApiOptions verifying() {
  api::ApiOptions o;
  o.auth = api::AuthMode::kVerify;
  return o;
}

class SignedRequests : public ::testing::Test {
 protected:
  SignedRequests() {
    // A user known to the server, whose key is the fixture test-client pair.
    server_.store().users().put("tester", store::make_document(R"({"username":"tester"})"));
    server_.store()
        .collection(api::user_keys_kind("tester"))
        ->put("default",
              store::make_document(api::key_document("default", auth::testing::read_file(
                                                                    auth::testing::kPublicKeyPath))
                                       .dump()));
  }

  // Signs with proofbox's signer and sends. `sign_body` lets a test sign one body, send another.
  ApiResponse send(const std::string& method, const std::string& path, const std::string& body,
                   auth::SignVersion version, const std::string& user = "tester",
                   const std::string& key_path = auth::testing::kPrivateKeyPath,
                   std::optional<std::string> sign_body = std::nullopt,
                   std::string timestamp = "") {
    auth::SignInput in;
    in.method = method;
    in.path = path;
    in.body = sign_body.value_or(body);
    in.user_id = user;
    in.timestamp = std::move(timestamp);
    in.version = version;
    in.server_api_version = "1";
    return send_with(method, path, body,
                     auth::sign_request(in, auth::testing::read_file(key_path)));
  }

  ApiResponse send_with(const std::string& method, const std::string& path, const std::string& body,
                        const std::vector<std::pair<std::string, std::string>>& headers) {
    std::vector<std::string> lines;
    bool has_version = false;
    for (const auto& [k, v] : headers) {
      lines.push_back(k + ": " + v);
      if (auth::testing::lower(k) == "x-ops-server-api-version") has_version = true;
    }
    if (!has_version) lines.push_back("X-Ops-Server-API-Version: 1");
    return client_.request(method, path, body, lines);
  }

  ApiTestServer server_{verifying()};
  testing::ApiClient client_{server_.url()};
};

TEST_F(SignedRequests, EveryProtocolVersionFromOwnSignerIsAccepted) {
  for (auto v : {auth::SignVersion::V1_0, auth::SignVersion::V1_1, auth::SignVersion::V1_3}) {
    ApiResponse list = send("GET", "/nodes", "", v);
    EXPECT_EQ(list.status, 200) << list.body;
  }
  std::string node = R"({"name":"signed01"})";
  ApiResponse created = send("POST", "/organizations/chef/nodes", node, auth::SignVersion::V1_3);
  EXPECT_EQ(created.status, 201) << created.body;
  ApiResponse read = send("GET", "/nodes/signed01", "", auth::SignVersion::V1_1);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json()["name"], "signed01");
}

TEST_F(SignedRequests, ReferenceImplementationSignaturesAreAccepted) {
  for (const char* version : {"1.0", "1.1", "1.3"}) {
    std::string body = std::string(R"({"name":"mixlib-)") + version[2] + "\"}";
    Json req = {{"key_path", auth::testing::kPrivateKeyPath},
                {"version", version},
                {"method", "POST"},
                {"path", "/nodes"},
                {"body", body},
                {"user_id", "tester"},
                {"timestamp", auth::format_iso8601(std::chrono::system_clock::now())},
                {"server_api_version", "1"}};
    Json headers = auth::testing::run_ruby("sign.rb", req);
    ASSERT_TRUE(headers.is_object()) << "sign.rb printed no headers";
    std::vector<std::pair<std::string, std::string>> list;
    for (auto& [k, v] : headers.items()) list.emplace_back(k, v.get<std::string>());
    ApiResponse r = send_with("POST", "/nodes", body, list);
    EXPECT_EQ(r.status, 201) << "version " << version << ": " << r.body;
  }
  EXPECT_EQ(send("GET", "/nodes/mixlib-0", "", auth::SignVersion::V1_3).status, 200);
}

TEST_F(SignedRequests, UnsignedRequestIsRefusedButStatusIsPublic) {
  ApiResponse r = client_.get("/nodes");
  EXPECT_EQ(r.status, 400);
  EXPECT_THAT(r.json()["error"][0].get<std::string>(),
              HasSubstr("missing required authentication header"));
  EXPECT_EQ(client_.get("/_status").status, 200);
}

TEST_F(SignedRequests, TamperedBodyIsRefusedAndNothingIsStored) {
  ApiResponse r = send("POST", "/nodes", R"({"name":"evil"})", auth::SignVersion::V1_3, "tester",
                       auth::testing::kPrivateKeyPath, std::string(R"({"name":"good"})"));
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.json()["error"][0], "Invalid signature for user or client 'tester'");
  EXPECT_FALSE(server_.store().org("chef")->nodes().contains("evil"));
}

TEST_F(SignedRequests, WrongKeyIsRefused) {
  ApiResponse r = send("GET", "/nodes", "", auth::SignVersion::V1_3, "tester",
                       auth::testing::source_path("fixtures/keys/pool-1.pem"));
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.json()["error"][0], "Invalid signature for user or client 'tester'");
}

TEST_F(SignedRequests, UnknownSignerIsRefused) {
  ApiResponse r = send("GET", "/nodes", "", auth::SignVersion::V1_3, "nobody");
  EXPECT_EQ(r.status, 401);
  EXPECT_THAT(r.json()["error"][0].get<std::string>(),
              HasSubstr("Failed to authenticate as 'nobody'"));
}

TEST_F(SignedRequests, StaleTimestampIsRefused) {
  auto stale = std::chrono::system_clock::now() - std::chrono::seconds(901);
  ApiResponse r = send("GET", "/nodes", "", auth::SignVersion::V1_3, "tester",
                       auth::testing::kPrivateKeyPath, std::nullopt, auth::format_iso8601(stale));
  EXPECT_EQ(r.status, 401);
  EXPECT_THAT(r.json()["error"][0].get<std::string>(), HasSubstr("Synchronize the clock"));
}

TEST_F(SignedRequests, ClientKeysSignTooInTheirOrg) {
  // A client created by the signed-in user signs its own request with the key it was given.
  ApiResponse made =
      send("POST", "/clients", R"({"name":"web01","create_key":true})", auth::SignVersion::V1_3);
  ASSERT_EQ(made.status, 201) << made.body;
  std::string private_key = made.json()["chef_key"]["private_key"];
  std::string key_path = ::testing::TempDir() + "/web01.pem";
  auth::testing::write_file(key_path, private_key);
  ApiResponse r =
      send("GET", "/organizations/chef/nodes", "", auth::SignVersion::V1_0, "web01", key_path);
  EXPECT_EQ(r.status, 200) << r.body;
}

}  // namespace
}  // namespace proofbox::zero
