#pragma once
// A private network namespace for tests (needs root): a child process unshares its network
// and idles; listeners opened inside it can use fixed ports (80, 8080, 11211) without
// clashing with anything else on the machine, just as a container's services do. A node whose
// runtime reports the child as its init then sees those ports, and this process's loopback
// listeners stay invisible to it.
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

#include "proofbox/harness/netns.hpp"
#include "support/local_runtime.hpp"

namespace proofbox::harness::testing {

class PrivateNetns {
 public:
  PrivateNetns() {
    int ready[2];
    if (::pipe(ready) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::close(ready[0]);
      char ok = ::unshare(CLONE_NEWNET) == 0 ? '1' : '0';
      [[maybe_unused]] auto n = ::write(ready[1], &ok, 1);
      ::close(ready[1]);
      while (true) ::pause();
    }
    ::close(ready[1]);
    char ok = '0';
    [[maybe_unused]] auto n = ::read(ready[0], &ok, 1);
    ::close(ready[0]);
    if (ok != '1') {
      stop();
      throw std::runtime_error("cannot create a network namespace (root needed)");
    }
    // A new namespace's loopback is down: bring it up from inside.
    run_in_netns(pid_, [] {
      int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
      ifreq request{};
      std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
      ::ioctl(fd, SIOCGIFFLAGS, &request);
      request.ifr_flags |= IFF_UP;
      ::ioctl(fd, SIOCSIFFLAGS, &request);
      ::close(fd);
    });
  }
  ~PrivateNetns() { stop(); }
  int pid() const { return pid_; }

  // A listening TCP socket on 127.0.0.1:port inside the namespace.
  int listen_tcp(int port) const {
    int fd = netns_socket(pid_, AF_INET, SOCK_STREAM);
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 16) != 0) {
      ::close(fd);
      throw std::runtime_error("cannot listen on port " + std::to_string(port));
    }
    return fd;
  }

 private:
  void stop() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }
  pid_t pid_ = -1;
};

// Commands run locally, network probes go into the private namespace.
class NetnsRuntime : public LocalRuntime {
 public:
  explicit NetnsRuntime(int pid) : pid_(pid) {}
  int init_pid(const std::string&) override { return pid_; }

 private:
  int pid_;
};

}  // namespace proofbox::harness::testing
