// Reading a file inside a container's root without exec: openat2(RESOLVE_IN_ROOT) on
// /proc/PID/root resolves absolute symlinks and ".." inside the container, not on the host.
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "proofbox/harness/probes.hpp"

namespace proofbox::harness {

std::optional<std::string> read_file_in_root(int pid, const std::string& path, std::string* error) {
  std::string root = pid > 0 ? "/proc/" + std::to_string(pid) + "/root" : "/";
  int root_fd = ::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root_fd < 0) {
    if (error) *error = "cannot open " + root + ": " + std::strerror(errno);
    return std::nullopt;
  }
  open_how how{};
  how.flags = O_RDONLY | O_CLOEXEC;
  how.resolve = RESOLVE_IN_ROOT;
  std::string relative = path;
  while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
  if (relative.empty()) relative = ".";
  int fd = static_cast<int>(::syscall(SYS_openat2, root_fd, relative.c_str(), &how, sizeof how));
  int open_error = errno;
  ::close(root_fd);
  if (fd < 0) {
    if (error) {
      *error = open_error == ENOENT ? "no such file " + path
                                    : "cannot open " + path + ": " + std::strerror(open_error);
    }
    return std::nullopt;
  }
  std::string content;
  char buffer[8192];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      content.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      if (error) *error = "cannot read " + path + ": " + std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
  }
  ::close(fd);
  return content;
}

}  // namespace proofbox::harness
