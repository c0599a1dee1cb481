// Request/response round trips over real sockets: methods, headers, keep-alive, pipelining,
// query decoding, HEAD, Expect: 100-continue, chunked bodies, handler exceptions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http_test_support.hpp"

namespace proofbox::zero::http::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class ServerTest : public ServerFixture<EchoHandler> {};

TEST_F(ServerTest, GetRoundTripFillsTheRequest) {
  Client c(server_.port());
  ASSERT_TRUE(
      c.send("GET /nodes/web%2D1/run_list?x=1 HTTP/1.1\r\nHost: localhost\r\n"
             "X-Ops-UserId: admin\r\nAccept: application/json\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->version, 11);
  EXPECT_EQ(r->header("content-type"), "application/json");
  EXPECT_EQ(r->header("server"), "proofbox");
  EXPECT_EQ(r->header("content-length"), std::to_string(r->body.size()));
  EXPECT_TRUE(r->has_header("date"));
  EXPECT_FALSE(r->has_header("connection"));  // HTTP/1.1 keep-alive is the default
  auto j = r->json();
  EXPECT_EQ(j["method"], "GET");
  EXPECT_EQ(j["target"], "/nodes/web%2D1/run_list?x=1");
  EXPECT_EQ(j["path"], "/nodes/web-1/run_list");
  EXPECT_EQ(j["segments"], Json::array({"nodes", "web-1", "run_list"}));
  EXPECT_EQ(j["headers"]["x-ops-userid"], "admin");  // names lower-cased, values kept
  EXPECT_EQ(j["headers"]["host"], "localhost");
  EXPECT_EQ(j["header_count"], 3);
  EXPECT_EQ(j["body"], "");
  EXPECT_THAT(j["remote"].get<std::string>(), StartsWith("127.0.0.1:"));
}

TEST_F(ServerTest, PostPutDeleteCarryMethodAndBody) {
  Client c(server_.port());
  const std::string node = R"({"name":"web1","run_list":["recipe[nginx]"]})";
  for (std::string method : {"POST", "PUT", "DELETE"}) {
    ASSERT_TRUE(
        c.send(simple_request(method, "/nodes/web1", node, "Content-Type: application/json\r\n")));
    auto r = c.read_response();
    ASSERT_TRUE(r) << method;
    EXPECT_EQ(r->status, 200);
    auto j = r->json();
    EXPECT_EQ(j["method"], method);
    EXPECT_EQ(j["body"], node);
    EXPECT_EQ(j["headers"]["content-type"], "application/json");
  }
}

TEST_F(ServerTest, MethodIsUpperCased) {
  Client c(server_.port());
  ASSERT_TRUE(c.send("get / HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->json()["method"], "GET");
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/first")));
  auto a = c.read_response();
  ASSERT_TRUE(a);
  ASSERT_TRUE(c.send(simple_request("POST", "/second", "payload")));
  auto b = c.read_response();
  ASSERT_TRUE(b);
  EXPECT_EQ(a->json()["path"], "/first");
  EXPECT_EQ(b->json()["path"], "/second");
  EXPECT_EQ(b->json()["body"], "payload");
  // Same client port: the same TCP connection answered both.
  EXPECT_EQ(a->json()["remote"], b->json()["remote"]);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Client c(server_.port());
  std::string batch;
  for (int i = 0; i < 20; ++i) {
    // Mix bodies and a slow one so answering out of order would show.
    if (i == 3) {
      batch += simple_request("GET", "/sleep/50");
    } else {
      batch += simple_request(i % 2 ? "POST" : "GET", "/p/" + std::to_string(i),
                              i % 2 ? "body" + std::to_string(i) : "");
    }
  }
  ASSERT_TRUE(c.send(batch));
  for (int i = 0; i < 20; ++i) {
    auto r = c.read_response();
    ASSERT_TRUE(r) << i;
    auto j = r->json();
    if (i == 3) {
      EXPECT_EQ(j["path"], "/sleep/50");
    } else {
      EXPECT_EQ(j["path"], "/p/" + std::to_string(i));
      EXPECT_EQ(j["body"], i % 2 ? "body" + std::to_string(i) : "");
    }
  }
}

TEST_F(ServerTest, RequestSplitIntoTinyWritesIsReassembled) {
  Client c(server_.port());
  std::string req = simple_request("PUT", "/roles/web", R"({"name":"web"})");
  for (char ch : req) {
    ASSERT_TRUE(c.send(std::string_view(&ch, 1)));
    std::this_thread::sleep_for(1ms);
  }
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->json()["body"], R"({"name":"web"})");
}

TEST_F(ServerTest, QueryIsDecoded) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET",
                                    "/search/node?q=name%3Aweb*+AND+role%3Abase&rows=10&start&"
                                    "sort=X_CHEF_id_CHEF_X%20asc")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  auto j = r->json();
  EXPECT_EQ(j["path"], "/search/node");
  EXPECT_EQ(j["query"], Json::parse(R"([["q","name:web* AND role:base"],["rows","10"],)"
                                    R"(["start",""],["sort","X_CHEF_id_CHEF_X asc"]])"));
}

TEST_F(ServerTest, BadPercentEncodingIsA400ChefErrorAndTheConnectionStaysUsable) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/nodes/bad%zzname")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->header("content-type"), "application/json");
  auto j = r->json();
  ASSERT_TRUE(j["error"].is_array());
  EXPECT_THAT(j["error"][0].get<std::string>(), HasSubstr("percent-encoding"));
  ASSERT_TRUE(c.send(simple_request("GET", "/after")));
  auto again = c.read_response();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->json()["path"], "/after");
}

TEST_F(ServerTest, TargetThatIsNotAPathIsA400) {
  Client c(server_.port());
  ASSERT_TRUE(c.send("GET http://example.com/nodes HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_TRUE(r->json()["error"].is_array());
}

TEST_F(ServerTest, HeadHasNoBodyButTheLengthOfTheGet) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/thing")));
  auto get = c.read_response();
  ASSERT_TRUE(get);
  // HEAD then GET pipelined: if HEAD carried a body, the bytes after its header would not be
  // the GET's status line.
  ASSERT_TRUE(c.send(simple_request("HEAD", "/thing") + simple_request("GET", "/next")));
  auto head = c.read_response(/*head_request=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(head->header("content-length"),
            std::to_string(get->body.size() + 1));  // "HEAD" is one letter longer than "GET"
  std::string rest = c.read_all(500ms);
  EXPECT_THAT(rest, StartsWith("HTTP/1.1 200 OK\r\n"));
  EXPECT_THAT(rest, HasSubstr("\"path\":\"/next\""));
}

TEST_F(ServerTest, HandlerHeadersAndContentTypeArePassedThrough) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/text")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "hello");
  EXPECT_EQ(r->header("x-custom"), "yes");
  EXPECT_EQ(r->header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(r->header("content-length"), "5");
  EXPECT_EQ(r->header("server"), "proofbox");
}

TEST_F(ServerTest, NoContentHasNoLengthOrBody) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("DELETE", "/nocontent") + simple_request("GET", "/x")));
  std::string raw = c.read_all(500ms);
  EXPECT_THAT(raw, StartsWith("HTTP/1.1 204 No Content\r\n"));
  auto end_of_first = raw.find("\r\n\r\n");
  ASSERT_NE(end_of_first, std::string::npos);
  EXPECT_EQ(raw.substr(0, end_of_first).find("Content-Length"), std::string::npos);
  EXPECT_THAT(raw.substr(end_of_first + 4), StartsWith("HTTP/1.1 200 OK\r\n"));
}

TEST_F(ServerTest, ConnectionCloseFromClientClosesAfterTheResponse) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/bye", "", "Connection: close\r\n")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(c.closed_within(2000ms));
}

TEST_F(ServerTest, ConnectionCloseFromHandlerClosesAfterTheResponse) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/close")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->json()["closing"], true);
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(c.closed_within(2000ms));
}

TEST_F(ServerTest, Http10ClosesUnlessKeepAliveIsAsked) {
  {
    Client c(server_.port());
    ASSERT_TRUE(c.send("GET /old HTTP/1.0\r\n\r\n"));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->json()["path"], "/old");
    EXPECT_TRUE(c.closed_within(2000ms));
  }
  {
    Client c(server_.port());
    ASSERT_TRUE(c.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    auto a = c.read_response();
    ASSERT_TRUE(a);
    EXPECT_EQ(a->header("connection"), "keep-alive");
    ASSERT_TRUE(c.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    auto b = c.read_response();
    ASSERT_TRUE(b);
    EXPECT_EQ(b->json()["path"], "/b");
  }
}

TEST_F(ServerTest, ExpectContinueGetsA100BeforeTheBody) {
  Client c(server_.port());
  const std::string body(10000, 'x');
  ASSERT_TRUE(c.send("POST /cookbooks/upload HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\nExpect: 100-continue\r\n\r\n"));
  auto interim = c.read_response();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(c.send(body));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->json()["body"], body);
}

TEST_F(ServerTest, ExpectContinueWithTheBodyAlreadySentGetsNo100) {
  Client c(server_.port());
  ASSERT_TRUE(
      c.send("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
             "Expect: 100-continue\r\n\r\nhi"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->json()["body"], "hi");
}

TEST_F(ServerTest, ChunkedBodyIsDecoded) {
  Client c(server_.port());
  ASSERT_TRUE(
      c.send("POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
             "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->json()["body"], "hello world");
}

TEST_F(ServerTest, LargeBodyUnderTheLimitArrivesWhole) {
  Client c(server_.port());
  std::string body(3u << 20, '\0');
  for (std::size_t i = 0; i < body.size(); ++i) body[i] = static_cast<char>('a' + i % 26);
  std::thread sender([&] { c.send(simple_request("PUT", "/big", body)); });
  auto r = c.read_response(false, 10000ms);
  sender.join();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->json()["body"], body);
}

TEST_F(ServerTest, MalformedRequestLineIsA400AndCloses) {
  Client c(server_.port());
  ASSERT_TRUE(c.send("THIS IS NOT HTTP\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(r->header("connection"), "close");
  auto j = r->json();
  ASSERT_TRUE(j["error"].is_array());
  EXPECT_THAT(j["error"][0].get<std::string>(), HasSubstr("Malformed HTTP request"));
  EXPECT_TRUE(c.closed_within(3000ms));
}

TEST_F(ServerTest, MalformedHeaderFieldIsA400) {
  Client c(server_.port());
  ASSERT_TRUE(c.send("GET / HTTP/1.1\r\nNo colon here\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_TRUE(c.closed_within(3000ms));
}

TEST_F(ServerTest, BadContentLengthIsA400) {
  Client c(server_.port());
  ASSERT_TRUE(c.send("POST / HTTP/1.1\r\nContent-Length: banana\r\n\r\n"));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

class ThrowingServerTest : public ServerFixture<ThrowingHandler> {};

TEST_F(ThrowingServerTest, ChefErrorBecomesItsStatusAndErrorBody) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/chef/409")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 409);
  EXPECT_EQ(r->json(), Json::parse(R"({"error":["first","second"]})"));
}

TEST_F(ThrowingServerTest, StdExceptionBecomes500AndTheConnectionSurvives) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/std")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->header("content-type"), "application/json");
  EXPECT_EQ(r->json(), Json::parse(R"({"error":["internal error: boom"]})"));
  ASSERT_TRUE(c.send(simple_request("GET", "/fine")));
  auto ok = c.read_response();
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ThrowingServerTest, NonStdExceptionBecomes500) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/int")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_THAT(r->json()["error"][0].get<std::string>(), HasSubstr("internal error"));
}

TEST_F(ThrowingServerTest, ChefErrorWithAnImpossibleStatusBecomes500) {
  Client c(server_.port());
  ASSERT_TRUE(c.send(simple_request("GET", "/chef/42")));
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->json()["error"], Json::array({"first", "second"}));
}

}  // namespace
}  // namespace proofbox::zero::http::testing
