// ChefApi's own handling over HTTP: X-Ops-Server-API-Version negotiation, Accept, 404/405,
// org scoping, and the unauthenticated server facts (_status, version, server_api_version).
// Expected: erchef oc_chef_wm_base (406 invalid-x-ops-server-api-version body and the
// X-Ops-Server-API-Version response header), chef-zero rest_base (Accept, 405 message).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "proofbox/zero/api/chef_api.hpp"
#include "support/api_test_server.hpp"

namespace {

using proofbox::Json;
namespace zt = proofbox::zero::testing;

std::string version_header(const std::string& request, const std::string& response) {
  return Json::parse("{\"min_version\":\"0\",\"max_version\":\"2\",\"request_version\":\"" +
                     request + "\",\"response_version\":\"" + response + "\"}")
      .dump();
}

// The response header, parsed and re-dumped so key order does not matter.
std::string header_json(const zt::ApiResponse& r) {
  return Json::parse(r.header("x-ops-server-api-version")).dump();
}

class DispatchApiTest : public ::testing::Test {
 protected:
  zt::ApiTestServer server_;
  zt::ApiClient api_{server_.url()};
};

TEST_F(DispatchApiTest, NoVersionHeaderMeansVersionZero) {
  auto r = api_.get("/clients/chef-validator");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(header_json(r), version_header("0", "0"));
  // Version 0 shows the client's public key; 1+ does not.
  EXPECT_TRUE(r.json().contains("public_key"));
}

TEST_F(DispatchApiTest, SupportedVersionsAreEchoed) {
  for (const std::string v : {"0", "1", "2"}) {
    auto r = api_.get("/clients/chef-validator", {"X-Ops-Server-API-Version: " + v});
    ASSERT_EQ(r.status, 200) << v << " " << r.body;
    EXPECT_EQ(header_json(r), version_header(v, v)) << v;
    EXPECT_EQ(r.json().contains("public_key"), v == "0") << v;
  }
}

TEST_F(DispatchApiTest, UnsupportedVersionsAre406) {
  for (const std::string v : {"3", "-1", "abc", "1.0", "99999999999999999999"}) {
    auto r = api_.get("/clients", {"X-Ops-Server-API-Version: " + v});
    EXPECT_EQ(r.status, 406) << v;
    EXPECT_EQ(r.json(), Json({{"error", "invalid-x-ops-server-api-version"},
                              {"message", "Specified version " + v + " not supported"},
                              {"min_version", 0},
                              {"max_version", 2}}))
        << v;
    EXPECT_EQ(header_json(r), version_header("-1", "-1")) << v;
  }
  // Checked before anything else: a write with a bad version changes nothing.
  auto r = api_.post("/clients", Json{{"name", "web1"}}, {"X-Ops-Server-API-Version: 3"});
  EXPECT_EQ(r.status, 406);
  EXPECT_FALSE(server_.store().org("chef")->clients().contains("web1"));
}

TEST_F(DispatchApiTest, AcceptMustAllowJson) {
  auto html = api_.get("/clients", {"Accept: text/html"});
  EXPECT_EQ(html.status, 406);
  EXPECT_EQ(html.json(), Json({{"error", {"Must accept application/json"}}}));
  auto post = api_.post("/clients", Json{{"name", "web1"}}, {"Accept: text/plain"});
  EXPECT_EQ(post.status, 406);
  EXPECT_FALSE(server_.store().org("chef")->clients().contains("web1"));

  for (const std::string accept :
       {"application/json", "*/*", "application/*", "text/html, application/json;q=0.9",
        "Application/JSON", "text/plain,\tapplication/json"}) {
    EXPECT_EQ(api_.get("/clients", {"Accept: " + accept}).status, 200) << accept;
  }
}

TEST_F(DispatchApiTest, UnknownRoutesAndOrgsAre404) {
  auto r = api_.get("/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.json(), Json({{"error", {"No route for GET /nope"}}}));
  EXPECT_EQ(api_.get("/clients/a/b/c/d").status, 404);
  EXPECT_EQ(api_.get("/").status, 404);

  auto org = api_.get("/organizations/nope/clients");
  EXPECT_EQ(org.status, 404);
  EXPECT_EQ(org.json(), Json({{"error", {"organization 'nope' does not exist."}}}));
  // Server-level routes do not exist under an org.
  EXPECT_EQ(api_.get("/organizations/chef/_status").status, 404);
  EXPECT_EQ(api_.get("/organizations/chef/organizations").status, 404);
  // Every answer carries the version header.
  EXPECT_EQ(header_json(org), version_header("0", "0"));
}

TEST_F(DispatchApiTest, WrongMethodIs405WithAllow) {
  auto r = api_.request("PATCH", "/clients/chef-validator", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, PUT, DELETE");
  EXPECT_EQ(r.json(),
            Json({{"error", {"Bad request method for '/clients/chef-validator': PATCH"}}}));
  auto status = api_.request("POST", "/_status", "{}");
  EXPECT_EQ(status.status, 405);
  EXPECT_EQ(status.header("allow"), "GET");
}

TEST_F(DispatchApiTest, HeadAnswersLikeGetWithoutABody) {
  auto r = api_.request("HEAD", "/clients/chef-validator");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(api_.request("HEAD", "/clients/nope").status, 404);
}

TEST_F(DispatchApiTest, StatusVersionAndServerApiVersion) {
  auto status = api_.get("/_status");
  ASSERT_EQ(status.status, 200);
  EXPECT_EQ(status.json()["status"], "pong");
  EXPECT_EQ(status.json()["upstreams"]["chef_sql"], "pong");

  auto version = api_.get("/version", {"Accept: */*"});
  ASSERT_EQ(version.status, 200);
  EXPECT_EQ(version.header("content-type").rfind("text/plain", 0), 0u)
      << version.header("content-type");
  EXPECT_EQ(version.body.rfind("proofbox ", 0), 0u) << version.body;

  auto api_version = api_.get("/server_api_version");
  ASSERT_EQ(api_version.status, 200);
  EXPECT_EQ(api_version.json(), Json({{"min_api_version", 0}, {"max_api_version", 2}}));
}

TEST(DispatchApiAuth, SignedRoutesNeedASignatureAndPublicOnesDoNot) {
  proofbox::zero::api::ApiOptions options;
  options.auth = proofbox::zero::api::AuthMode::kVerify;
  zt::ApiTestServer server(options);
  zt::ApiClient api(server.url());
  EXPECT_EQ(api.get("/_status").status, 200);
  EXPECT_EQ(api.get("/server_api_version").status, 200);
  EXPECT_EQ(api.get("/principals/chef-validator").status, 200);
  auto clients = api.get("/clients");
  EXPECT_GE(clients.status, 400);
  EXPECT_LT(clients.status, 500);
  EXPECT_NE(clients.status, 200) << clients.body;
}

}  // namespace
