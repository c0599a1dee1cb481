#pragma once
// Helpers for container tests: the fixture image, a guard that removes everything a test run
// created even when the test fails, a TCP server on a host address, the host's LAN address.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "proofbox/harness/images.hpp"
#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness::testing {

inline std::string random_run_id(const std::string& prefix = "t") {
  static std::mt19937 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id = prefix;
  for (int i = 0; i < 8; ++i) id += kHex[rng() % 16];
  return id;
}

// The fixture image (fixtures/images/memcached.yml), built or found in the cache.
inline std::string ensure_fixture_image(Runtime& runtime) {
  auto spec = load_image_spec(std::string(PROOFBOX_SOURCE_DIR) + "/fixtures/images/memcached.yml");
  ImageBuildOptions options;
  options.progress = [](const std::string& line) { std::cerr << line << "\n"; };
  return build_image(spec, runtime, options).reference;
}

// Removes every container and network labelled with the run id when it goes out of scope.
class RunGuard {
 public:
  RunGuard(Runtime& runtime, std::string run_id) : runtime_(runtime), run_id_(std::move(run_id)) {}
  ~RunGuard() {
    try {
      auto leftovers = runtime_.list_leftovers(run_id_);
      for (const auto& l : leftovers) {
        if (l.kind == Leftover::Kind::kContainer) runtime_.remove_container(l.id);
      }
      for (const auto& l : leftovers) {
        if (l.kind == Leftover::Kind::kNetwork) runtime_.remove_network(l.id);
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << "cleanup of run " << run_id_ << " failed: " << e.what();
    }
  }
  RunGuard(const RunGuard&) = delete;
  RunGuard& operator=(const RunGuard&) = delete;
  const std::string& run_id() const { return run_id_; }

 private:
  Runtime& runtime_;
  std::string run_id_;
};

// Accepts connections on address:port (port 0 picks one) and greets each with `greeting`.
class GreetingServer {
 public:
  GreetingServer(const std::string& address, std::string greeting)
      : greeting_(std::move(greeting)) {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    inet_pton(AF_INET, address.c_str(), &addr.sin_addr);
    if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd_, 16) != 0) {
      ADD_FAILURE() << "cannot listen on " << address;
      return;
    }
    socklen_t len = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] {
      while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0) continue;
        int client = accept(fd_, nullptr, nullptr);
        if (client < 0) continue;
        ++accepted_;
        (void)!write(client, greeting_.data(), greeting_.size());
        close(client);
      }
    });
  }
  ~GreetingServer() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    close(fd_);
  }
  int port() const { return port_; }
  int accepted() const { return accepted_; }

 private:
  std::string greeting_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> accepted_{0};
  std::thread thread_;
};

// The IPv4 address of the interface that carries the host's default route ("" when none).
inline std::string host_default_route_address() {
  std::ifstream routes("/proc/net/route");
  std::string line, iface;
  std::getline(routes, line);
  while (std::getline(routes, line)) {
    std::istringstream f(line);
    std::string name, dest;
    f >> name >> dest;
    if (dest == "00000000") {
      iface = name;
      break;
    }
  }
  if (iface.empty()) return "";
  ifaddrs* list = nullptr;
  std::string found;
  if (getifaddrs(&list) != 0) return "";
  for (auto* a = list; a; a = a->ifa_next) {
    if (a->ifa_addr && a->ifa_addr->sa_family == AF_INET && iface == a->ifa_name) {
      char text[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, text, sizeof text);
      found = text;
      break;
    }
  }
  freeifaddrs(list);
  return found;
}

}  // namespace proofbox::harness::testing
