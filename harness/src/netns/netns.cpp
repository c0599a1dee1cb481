#include "proofbox/harness/netns.hpp"

#include <fcntl.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <string>
#include <thread>

#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness {
namespace {

std::string ns_path(int pid) {
  return "/proc/" + std::to_string(pid) + "/ns/net";
}

// True when `pid` already shares our network namespace (same nsfs inode and device).
bool same_netns(int pid) {
  struct stat ours {
  }, theirs{};
  if (::stat("/proc/self/ns/net", &ours) != 0) return false;
  if (::stat(ns_path(pid).c_str(), &theirs) != 0) return false;
  return ours.st_ino == theirs.st_ino && ours.st_dev == theirs.st_dev;
}

}  // namespace

void run_in_netns(int pid, const std::function<void()>& fn) {
  if (pid <= 0 || pid == ::getpid() || same_netns(pid)) {
    fn();
    return;
  }
  int fd = ::open(ns_path(pid).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw RuntimeError("cannot open the network namespace of process " + std::to_string(pid) +
                       " (" + ns_path(pid) + "): " + std::strerror(errno));
  }
  // A fresh thread joins the namespace and ends with it, so no other code of this process ever
  // runs in the container's network by accident.
  std::exception_ptr failure;
  std::thread worker([&] {
    try {
      if (::setns(fd, CLONE_NEWNET) != 0) {
        throw RuntimeError("cannot enter the network namespace of process " + std::to_string(pid) +
                           ": " + std::strerror(errno));
      }
      fn();
    } catch (...) {
      failure = std::current_exception();
    }
  });
  worker.join();
  ::close(fd);
  if (failure) std::rethrow_exception(failure);
}

int netns_socket(int pid, int domain, int type, int protocol) {
  int fd = -1;
  int error = 0;
  run_in_netns(pid, [&] {
    fd = ::socket(domain, type | SOCK_CLOEXEC, protocol);
    if (fd < 0) error = errno;
  });
  if (fd < 0) {
    throw RuntimeError("cannot create a socket in the network namespace of process " +
                       std::to_string(pid) + ": " + std::strerror(error));
  }
  return fd;
}

}  // namespace proofbox::harness
