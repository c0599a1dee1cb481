// A load-driver target that measures the HTTP layer alone: serves a fixed ~2 KB node JSON to
// every GET and answers 201 to every other method, with no Chef API behind it.
//
//   build/zero-server/bench/fixed_body_server [PORT] [SECONDS] [THREADS]   (8890 30 0)
//   zero-server/bench/http_load.sh http://127.0.0.1:8890 get
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "proofbox/zero/http/server.hpp"
#include "proofbox/zero/json.hpp"

namespace {

using proofbox::Json;
namespace http = proofbox::zero::http;

std::string fixed_node_json() {
  Json attrs = Json::object();
  for (int i = 0; attrs.dump().size() < 1700; ++i) {
    attrs["attribute_" + std::to_string(i)] = "value-" + std::to_string(i * 7919);
  }
  return Json{{"name", "bench-node"},
              {"chef_type", "node"},
              {"json_class", "Chef::Node"},
              {"chef_environment", "_default"},
              {"run_list", Json::array({"role[base]", "recipe[nginx]"})},
              {"normal", attrs},
              {"automatic", Json{{"platform", "debian"}, {"platform_version", "12"}}}}
      .dump();
}

class FixedBodyHandler : public http::Handler {
 public:
  http::Response handle(http::Request& req) override {
    http::Response r;
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

}  // namespace

int main(int argc, char** argv) {
  FixedBodyHandler handler;
  http::ServerOptions o;
  o.port = static_cast<unsigned short>(argc > 1 ? std::atoi(argv[1]) : 8890);
  int seconds = argc > 2 ? std::atoi(argv[2]) : 30;
  o.threads = static_cast<unsigned>(argc > 3 ? std::atoi(argv[3]) : 0);
  http::Server server(handler, o);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fixed_body_server: %s\n", e.what());
    return 1;
  }
  std::printf("serving %s for %d s\n", server.url().c_str(), seconds);
  std::fflush(stdout);
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  return 0;
}
