#pragma once
// Shared by the HTTP server tests: handlers that echo or throw, and a blocking client on plain
// POSIX sockets (poll() timeouts, Beast's parser for responses) so a test can send exactly the
// bytes it wants: pipelined requests, half a header, garbage.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/http/server.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::zero::http::testing {

using namespace std::chrono_literals;

// Answers every request with a JSON picture of it. A few paths do something else:
//   /text            text/plain "hello" with an extra header and a handler-set Content-Type
//   /close           asks for the connection to close
//   /nocontent       204
//   /sleep/MS        sleeps MS milliseconds first
class EchoHandler : public Handler {
 public:
  Response handle(Request& req) override {
    if (req.path == "/text") {
      Response r;
      r.body = "hello";
      r.headers.emplace_back("X-Custom", "yes");
      r.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
      return r;
    }
    if (req.path == "/close") {
      Response r = Response::json(200, Json{{"closing", true}});
      r.headers.emplace_back("Connection", "close");
      return r;
    }
    if (req.path == "/nocontent") {
      Response r;
      r.status = 204;
      return r;
    }
    if (req.segments.size() == 2 && req.segments[0] == "sleep") {
      std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(req.segments[1])));
    }
    Json headers = Json::object();
    for (const auto& [k, v] : req.headers) {
      if (!headers.contains(k)) headers[k] = v;
    }
    Json query = Json::array();
    for (const auto& [k, v] : req.query) query.push_back(Json::array({k, v}));
    return Response::json(200, Json{{"method", req.method},
                                    {"target", req.target},
                                    {"path", req.path},
                                    {"segments", req.segments},
                                    {"query", query},
                                    {"headers", headers},
                                    {"header_count", req.headers.size()},
                                    {"body", req.body},
                                    {"remote", req.remote}});
  }
};

// Throws what the path names: /chef/STATUS -> ChefError(STATUS), /std -> runtime_error,
// /int -> a non-std exception; anything else answers "ok".
class ThrowingHandler : public Handler {
 public:
  Response handle(Request& req) override {
    if (req.segments.size() == 2 && req.segments[0] == "chef") {
      throw ChefError(std::stoi(req.segments[1]), std::vector<std::string>{"first", "second"});
    }
    if (req.path == "/std") throw std::runtime_error("boom");
    if (req.path == "/int") throw 42;
    return Response::json(200, Json{{"ok", true}});
  }
};

struct HttpResponse {
  int status = 0;
  int version = 0;
  std::map<std::string, std::string> headers;  // lower-case names, first value
  std::string body;

  std::string header(const std::string& lower) const {
    auto it = headers.find(lower);
    return it == headers.end() ? std::string() : it->second;
  }
  bool has_header(const std::string& lower) const { return headers.count(lower) != 0; }
  Json json() const { return Json::parse(body); }
};

// One TCP connection to 127.0.0.1:port.
class Client {
 public:
  explicit Client(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      int e = errno;
      ::close(fd_);
      throw std::runtime_error(std::string("connect failed: ") + std::strerror(e));
    }
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~Client() {
    if (fd_ >= 0) ::close(fd_);
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // False when the peer has gone (EPIPE/ECONNRESET).
  bool send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // Reads one response; nullopt on EOF, reset or timeout before a whole response arrived.
  std::optional<HttpResponse> read_response(bool head_request = false,
                                            std::chrono::milliseconds timeout = 5000ms) {
    namespace bhttp = boost::beast::http;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(std::uint64_t{1} << 32);
    parser.eager(true);
    if (head_request) parser.skip(true);
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (!buffer_.empty()) {
        boost::beast::error_code ec;
        std::size_t n = parser.put(boost::asio::buffer(buffer_.data(), buffer_.size()), ec);
        buffer_.erase(0, n);
        if (ec && ec != bhttp::error::need_more) return std::nullopt;
        if (parser.is_done()) break;
        if (!ec && n > 0) continue;
      }
      if (!fill(deadline)) return std::nullopt;
    }
    auto& msg = parser.get();
    HttpResponse out;
    out.status = static_cast<int>(msg.result_int());
    out.version = static_cast<int>(msg.version());
    for (const auto& f : msg) {
      std::string name(f.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers.emplace(name, std::string(f.value()));
    }
    out.body = std::move(msg.body());
    return out;
  }

  // Raw bytes until EOF or timeout (including anything already buffered).
  std::string read_all(std::chrono::milliseconds timeout = 5000ms) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (fill(deadline)) {
    }
    std::string out;
    out.swap(buffer_);
    return out;
  }

  // True when the server closes the connection (EOF or reset) within `timeout`; data that
  // arrives meanwhile is discarded.
  bool closed_within(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      buffer_.clear();
      if (!fill(deadline)) return !timed_out_;
    }
  }

  // Whether the last failed read was a timeout (rather than EOF/reset).
  bool timed_out() const { return timed_out_; }
  int fd() const { return fd_; }

 private:
  // Appends what arrives before `deadline`; false on EOF, error or timeout.
  bool fill(std::chrono::steady_clock::time_point deadline) {
    timed_out_ = false;
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        timed_out_ = true;
        return false;
      }
      pollfd p{fd_, POLLIN, 0};
      int r = ::poll(&p, 1, static_cast<int>(left.count()));
      if (r < 0 && errno == EINTR) continue;
      if (r == 0) {
        timed_out_ = true;
        return false;
      }
      char buf[65536];
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      buffer_.append(buf, static_cast<std::size_t>(n));
      return true;
    }
  }

  int fd_ = -1;
  std::string buffer_;
  bool timed_out_ = false;
};

// A started server on a free port with small timeouts unless told otherwise.
inline ServerOptions test_options() {
  ServerOptions o;
  o.port = 0;
  o.threads = 2;
  return o;
}

// A test fixture owning a handler of type `H` and a server started on it in SetUp.
template <typename H>
class ServerFixture : public ::testing::Test {
 protected:
  explicit ServerFixture(ServerOptions options = test_options())
      : server_(handler_, std::move(options)) {}
  void SetUp() override { server_.start(); }

  H handler_;
  Server server_;
};

inline std::string simple_request(std::string_view method, std::string_view target,
                                  std::string_view body = {}, std::string_view extra_headers = {}) {
  std::string r;
  r.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
  r.append(extra_headers);
  if (!body.empty() || method == "POST" || method == "PUT") {
    r.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  r.append("\r\n").append(body);
  return r;
}

}  // namespace proofbox::zero::http::testing
