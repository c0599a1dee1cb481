// TCP connect and request/reply exchanges inside a network namespace.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "proofbox/harness/netns.hpp"
#include "proofbox/harness/probes.hpp"
#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness {
namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

std::string error_text(int error) {
  switch (error) {
    case ECONNREFUSED:
      return "connection refused";
    case ECONNRESET:
      return "connection reset";
    case EHOSTUNREACH:
      return "host unreachable";
    case ENETUNREACH:
      return "network unreachable";
    default:
      return std::strerror(error);
  }
}

}  // namespace

ConnectResult tcp_connect(int netns_pid, const std::string& host, int port,
                          std::chrono::milliseconds timeout) {
  ConnectResult result;
  sockaddr_in v4{};
  sockaddr_in6 v6{};
  const sockaddr* address = nullptr;
  socklen_t length = 0;
  int family = AF_INET;
  if (::inet_pton(AF_INET, host.c_str(), &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    v4.sin_port = htons(static_cast<uint16_t>(port));
    address = reinterpret_cast<const sockaddr*>(&v4);
    length = sizeof v4;
  } else if (::inet_pton(AF_INET6, host.c_str(), &v6.sin6_addr) == 1) {
    family = AF_INET6;
    v6.sin6_family = AF_INET6;
    v6.sin6_port = htons(static_cast<uint16_t>(port));
    address = reinterpret_cast<const sockaddr*>(&v6);
    length = sizeof v6;
  } else {
    result.error = "not a numeric address: " + host;
    return result;
  }
  int fd = -1;
  try {
    fd = netns_socket(netns_pid, family, SOCK_STREAM | SOCK_NONBLOCK);
  } catch (const RuntimeError& e) {
    result.error = e.what();
    return result;
  }
  auto deadline = Clock::now() + timeout;
  int rc = ::connect(fd, address, length);
  int error = rc == 0 ? 0 : errno;
  if (error == EINPROGRESS) {
    pollfd p{fd, POLLOUT, 0};
    int ready = ::poll(&p, 1, remaining_ms(deadline));
    if (ready == 0) {
      ::close(fd);
      result.error = "timed out after " + seconds_text(timeout);
      return result;
    }
    socklen_t size = sizeof error;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
  }
  if (error != 0) {
    ::close(fd);
    result.error = error_text(error);
    return result;
  }
  result.fd = fd;
  return result;
}

ExchangeResult tcp_exchange(int netns_pid, const std::string& host, int port,
                            const std::string& request, std::chrono::milliseconds timeout,
                            const std::function<bool(const std::string&)>& done) {
  ExchangeResult result;
  auto deadline = Clock::now() + timeout;
  ConnectResult connection = tcp_connect(netns_pid, host, port, timeout);
  if (!connection.connected()) {
    result.error = connection.error;
    return result;
  }
  int fd = connection.fd;
  std::size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EAGAIN) {
      pollfd p{fd, POLLOUT, 0};
      if (::poll(&p, 1, remaining_ms(deadline)) <= 0) {
        result.error = "timed out sending";
        result.timed_out = true;
        ::close(fd);
        return result;
      }
      continue;
    }
    result.error = "send failed: " + error_text(errno);
    ::close(fd);
    return result;
  }
  char buffer[4096];
  while (true) {
    if (done(result.reply)) {
      result.done = true;
      break;
    }
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, remaining_ms(deadline));
    if (ready <= 0) {
      result.timed_out = true;
      break;
    }
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      result.reply.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0) {
      result.peer_closed = true;
      result.done = done(result.reply);
      break;
    } else if (errno != EAGAIN && errno != EINTR) {
      result.peer_closed = true;
      result.done = done(result.reply);
      break;
    }
  }
  ::close(fd);
  return result;
}

}  // namespace proofbox::harness
