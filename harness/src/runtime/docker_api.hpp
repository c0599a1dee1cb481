#pragma once
// A thin Docker Engine API client: HTTP over the unix socket with libcurl
// (CURLOPT_UNIX_SOCKET_PATH), every path under the API version prefix. One curl handle per
// request, so one client may be used from several threads at once.
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace proofbox::harness::runtime {

struct ApiResponse {
  long status = 0;
  std::string body;
  nlohmann::json json() const;  // the body parsed, or null when it is not JSON
  // The Engine's error text: {"message": "..."} when present, else the body itself.
  std::string message() const;
};

// The Engine's socket: DOCKER_HOST when it names a unix socket (unix:///path), as the docker
// CLI reads it, else /var/run/docker.sock.
std::string default_docker_socket();

class DockerApi {
 public:
  explicit DockerApi(std::string socket_path = default_docker_socket(),
                     std::string version = "v1.41");

  const std::string& socket_path() const { return socket_path_; }

  // `path` starts with '/' and may carry a query; the version prefix is added. Throws
  // RuntimeError only when the socket cannot be reached at all.
  ApiResponse request(std::string_view method, const std::string& path, std::string_view body = {},
                      std::string_view content_type = "application/json",
                      std::chrono::seconds timeout = std::chrono::seconds(120)) const;
  ApiResponse request_json(std::string_view method, const std::string& path,
                           const nlohmann::json& body) const;
  // Streams a file as the request body (image import).
  ApiResponse upload_file(std::string_view method, const std::string& path, const std::string& file,
                          std::string_view content_type) const;

  // True when GET /_ping answers OK within `timeout`.
  bool ping(std::chrono::milliseconds timeout = std::chrono::milliseconds(2000)) const;

  // Opens a raw connection, sends `method path` with a JSON body asking for a connection
  // upgrade (as `docker exec` does), consumes the response headers and returns the socket,
  // now carrying the attach stream in both directions. The caller closes it.
  int open_hijacked(std::string_view method, const std::string& path,
                    const nlohmann::json& body) const;

  // Percent-encodes a query parameter value.
  static std::string escape(std::string_view value);

 private:
  std::string socket_path_;
  std::string version_;
};

}  // namespace proofbox::harness::runtime
