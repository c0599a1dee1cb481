#pragma once
// Real listeners on 127.0.0.1 for matcher tests: a line server that answers like memcached's
// `stats`, and a tiny HTTP/1.1 server with fixed routes. Each serves connections one at a time
// on its own thread until destroyed, and can start listening after a delay (services that come
// up slowly).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>

namespace proofbox::harness::testing {

// A free TCP port on 127.0.0.1 (bound and released; good enough for tests).
inline int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t size = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &size);
  ::close(fd);
  return ntohs(a.sin_port);
}

class LoopbackServer {
 public:
  // `serve(fd)` handles one connection (the server closes it afterwards).
  LoopbackServer(std::function<void(int)> serve, std::chrono::milliseconds delay = {})
      : serve_(std::move(serve)), port_(free_port()) {
    // Without a delay the socket listens before the constructor returns (no race with the
    // test's first connect); with one, the thread binds it later.
    if (delay.count() == 0) listen_fd_ = open_listener();
    thread_ = std::thread([this, delay] { run(delay); });
  }
  // Serves an already listening socket (e.g. one opened in another network namespace).
  LoopbackServer(int listen_fd, std::function<void(int)> serve)
      : serve_(std::move(serve)), port_(0), listen_fd_(listen_fd) {
    sockaddr_in a{};
    socklen_t size = sizeof a;
    ::getsockname(listen_fd, reinterpret_cast<sockaddr*>(&a), &size);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { run({}); });
  }
  ~LoopbackServer() {
    stop_ = true;
    thread_.join();
  }
  int port() const { return port_; }

 private:
  int open_listener() {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port_));
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 16) != 0) {
      ::close(fd);
      return -1;
    }
    return fd;
  }

  void run(std::chrono::milliseconds delay) {
    auto wake = std::chrono::steady_clock::now() + delay;
    while (!stop_ && std::chrono::steady_clock::now() < wake) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    int fd = listen_fd_ >= 0 ? listen_fd_ : open_listener();
    if (fd < 0) return;
    while (!stop_) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int client = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) continue;
      serve_(client);
      ::close(client);
    }
    ::close(fd);
  }

  std::function<void(int)> serve_;
  int port_;
  int listen_fd_ = -1;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Reads until `terminator` arrives, the peer closes, or 2 s pass.
inline std::string read_until(int fd, const std::string& terminator) {
  std::string data;
  char buffer[1024];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (data.find(terminator) == std::string::npos &&
         std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    data.append(buffer, static_cast<std::size_t>(n));
  }
  return data;
}

inline void send_all(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

// Answers "stats\r\n" like memcached (and keeps the connection open until the client closes
// or 1 s passes, as memcached would), anything else with "ERROR\r\n".
inline std::function<void(int)> stats_handler() {
  return [](int fd) {
    std::string line = read_until(fd, "\r\n");
    if (line.rfind("stats", 0) == 0) {
      send_all(fd, "STAT pid " + std::to_string(::getpid()) + "\r\nSTAT uptime 5\r\nEND\r\n");
    } else {
      send_all(fd, "ERROR\r\n");
    }
    read_until(fd, "\n");  // wait for the client to close (or a timeout)
  };
}

struct HttpRoute {
  int status = 200;
  std::string body;
  std::map<std::string, std::string> headers;
};

// Serves `routes` by request target ("GET /status"); unknown ones get 404.
inline std::function<void(int)> http_handler(std::map<std::string, HttpRoute> routes) {
  return [routes = std::move(routes)](int fd) {
    std::string request = read_until(fd, "\r\n\r\n");
    auto space = request.find(' ');
    auto second = request.find(' ', space + 1);
    std::string key = space == std::string::npos ? "" : request.substr(0, second);
    auto it = routes.find(key);
    HttpRoute route = it == routes.end() ? HttpRoute{404, "not found\n", {}} : it->second;
    std::string response = "HTTP/1.1 " + std::to_string(route.status) + " X\r\n";
    for (const auto& [name, value] : route.headers) response += name + ": " + value + "\r\n";
    response += "Content-Length: " + std::to_string(route.body.size()) +
                "\r\nConnection: close\r\n\r\n" + route.body;
    send_all(fd, response);
  };
}

}  // namespace proofbox::harness::testing
