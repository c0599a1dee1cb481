#pragma once
// Debian's goiardi (an independent Chef server implementation) as a child process with
// authentication on: the real-server stand-in that backup is tested against. It listens on a
// free loopback port, keeps its generated admin key in a private directory, and is killed
// with its directory removed when the fixture goes away.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"

extern char** environ;

namespace proofbox::backup::testing {

inline int free_loopback_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot find a free loopback port");
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

inline bool port_accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

class GoiardiProcess {
 public:
  GoiardiProcess() {
    port_ = free_loopback_port();
    const std::string port = std::to_string(port_);
    const std::string conf = "--conf-root=" + dir_.path().string();
    std::vector<std::string> args = {"goiardi", "-A",        conf, "-I", "127.0.0.1",
                                     "-H",      "127.0.0.1", "-P", port};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (::posix_spawnp(&pid_, "goiardi", nullptr, nullptr, argv.data(), environ) != 0) {
      throw std::runtime_error("cannot start goiardi (ci/packages.txt installs it)");
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!port_accepts(port_) || !std::filesystem::exists(dir_.path() / "admin.pem")) {
      if (std::chrono::steady_clock::now() > deadline) {
        stop();
        throw std::runtime_error("goiardi did not start listening on port " + port);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  ~GoiardiProcess() { stop(); }
  GoiardiProcess(const GoiardiProcess&) = delete;
  GoiardiProcess& operator=(const GoiardiProcess&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // goiardi's built-in admin client and its private key.
  std::string admin_name() const { return "admin"; }
  std::string admin_key() const {
    std::ifstream in(dir_.path() / "admin.pem");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  void stop() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
      pid_ = -1;
    }
  }

  TempDir dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace proofbox::backup::testing
