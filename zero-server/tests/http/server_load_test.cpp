// A target for the load driver in zero-server/bench/ (disabled: it only runs when asked).
//
//   PROOFBOX_HTTP_LOAD_PORT=8890 PROOFBOX_HTTP_LOAD_SECONDS=30
//     build/zero-server/zero_http_tests --gtest_also_run_disabled_tests
//     --gtest_filter='ServerLoad.DISABLED_ServeFixedBody'      (one command line)
//
// serves a fixed ~2 KB node JSON on every GET and answers 201 to every POST/PUT, so wrk
// measures the HTTP layer alone. PROOFBOX_HTTP_LOAD_THREADS picks the worker count (default:
// hardware concurrency).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "http_test_support.hpp"

namespace proofbox::zero::http::testing {
namespace {

std::string fixed_node_json() {
  Json attrs = Json::object();
  for (int i = 0; attrs.dump().size() < 1700; ++i) {
    attrs["attribute_" + std::to_string(i)] = "value-" + std::to_string(i * 7919);
  }
  Json node{{"name", "bench-node"},
            {"chef_type", "node"},
            {"json_class", "Chef::Node"},
            {"chef_environment", "_default"},
            {"run_list", Json::array({"role[base]", "recipe[nginx]"})},
            {"normal", attrs},
            {"default", Json::object()},
            {"override", Json::object()},
            {"automatic", Json{{"platform", "debian"}, {"platform_version", "12"}}}};
  return node.dump();
}

class FixedBodyHandler : public Handler {
 public:
  Response handle(Request& req) override {
    Response r;
    if (req.method == "GET" || req.method == "HEAD") {
      r.body = body_;
    } else {
      r.status = 201;
      r.body = R"({"uri":"http://localhost/nodes/x"})";
    }
    return r;
  }

 private:
  const std::string body_ = fixed_node_json();
};

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::atoi(v) : fallback;
}

TEST(ServerLoad, FixedBodyIsAbout2KB) {
  auto body = fixed_node_json();
  EXPECT_GE(body.size(), 1800u);
  EXPECT_LE(body.size(), 2300u);
  EXPECT_TRUE(Json::accept(body));
}

TEST(ServerLoad, DISABLED_ServeFixedBody) {
  FixedBodyHandler handler;
  ServerOptions o;
  o.port = static_cast<unsigned short>(env_int("PROOFBOX_HTTP_LOAD_PORT", 8890));
  o.threads = static_cast<unsigned>(env_int("PROOFBOX_HTTP_LOAD_THREADS", 0));
  Server server(handler, o);
  server.start();
  std::printf("serving %s for %d s\n", server.url().c_str(),
              env_int("PROOFBOX_HTTP_LOAD_SECONDS", 30));
  std::fflush(stdout);
  std::this_thread::sleep_for(std::chrono::seconds(env_int("PROOFBOX_HTTP_LOAD_SECONDS", 30)));
}

}  // namespace
}  // namespace proofbox::zero::http::testing
