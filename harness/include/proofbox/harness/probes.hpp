#pragma once
// Single observations of a node, made with the harness's own code from inside the node's
// network namespace (see netns.hpp) or through its root filesystem: one TCP connect, one
// request/reply exchange, one HTTP request, one look at the UDP socket table, one file read.
// Each returns what it saw (never throws for an unreachable peer); the matchers retry them.
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace proofbox::harness {

// A TCP connection attempt to host:port inside the namespace of `netns_pid`.
struct ConnectResult {
  int fd = -1;        // the connected socket (caller closes) when connected
  std::string error;  // "connection refused", "timed out after 1.0 s", ... when not
  bool connected() const { return fd >= 0; }
};
ConnectResult tcp_connect(int netns_pid, const std::string& host, int port,
                          std::chrono::milliseconds timeout);

// Connects, sends `request`, then reads until `done(reply so far)` is true, the peer closes,
// or the timeout (counted from the start) passes.
struct ExchangeResult {
  std::string error;  // set when the connection or the send failed
  std::string reply;  // what was read (possibly partial)
  bool done = false;  // `done` returned true
  bool peer_closed = false;
  bool timed_out = false;
};
ExchangeResult tcp_exchange(int netns_pid, const std::string& host, int port,
                            const std::string& request, std::chrono::milliseconds timeout,
                            const std::function<bool(const std::string&)>& done);

// True when a UDP socket (v4 or v6) of the namespace of `pid` is bound to `port`, read from
// /proc/PID/net/udp{,6}. Throws RuntimeError when the tables cannot be read.
bool udp_port_bound(int pid, int port);

struct HttpRequest {
  std::string method = "GET";
  std::string scheme = "http";  // http or https
  std::string host = "127.0.0.1";
  int port = 80;
  std::string target = "/";  // path and query
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  bool verify_tls = false;
  bool follow_redirects = false;
  std::chrono::milliseconds timeout{5000};
  std::string url() const;
};
struct HttpResponse {
  std::string error;  // set when no response came (connection refused, timeout, ...)
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names, last value wins
  std::string body;
  std::chrono::milliseconds elapsed{0};
  bool ok() const { return error.empty(); }
};
// One HTTP(S) request whose socket lives in the namespace of `netns_pid` (libcurl, proxies off).
HttpResponse http_request(int netns_pid, const HttpRequest& request);

// Reads `path` as seen inside the mount namespace root of process `pid` (/proc/PID/root with
// symlinks resolved inside that root). nullopt and `error` set when it cannot be read.
std::optional<std::string> read_file_in_root(int pid, const std::string& path, std::string* error);

// "a\r\nb" -> "a\\r\\nb", cut to `limit` characters with "..." appended: for messages.
std::string printable(const std::string& text, std::size_t limit = 200);
// 10.0 s, 0.3 s
std::string seconds_text(std::chrono::steady_clock::duration d);

}  // namespace proofbox::harness
