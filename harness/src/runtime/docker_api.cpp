#include "runtime/docker_api.hpp"

#include <curl/curl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>

#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness::runtime {
namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t append_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

std::string default_docker_socket() {
  const char* host = std::getenv("DOCKER_HOST");
  std::string_view value = host ? host : "";
  if (value.rfind("unix://", 0) == 0 && value.size() > 7) return std::string(value.substr(7));
  return "/var/run/docker.sock";
}

nlohmann::json ApiResponse::json() const {
  return nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
}

std::string ApiResponse::message() const {
  auto parsed = json();
  if (parsed.is_object() && parsed.contains("message") && parsed["message"].is_string()) {
    return parsed["message"].get<std::string>();
  }
  auto text = body;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text.empty() ? "HTTP " + std::to_string(status) : text;
}

DockerApi::DockerApi(std::string socket_path, std::string version)
    : socket_path_(std::move(socket_path)), version_(std::move(version)) {
  global_init();
}

std::string DockerApi::escape(std::string_view value) {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  char* out = curl_easy_escape(curl.get(), value.data(), static_cast<int>(value.size()));
  std::string text = out ? out : "";
  curl_free(out);
  return text;
}

namespace {

ApiResponse perform(CURL* curl, const std::string& socket_path, std::string_view method,
                    const std::string& url, curl_slist* headers, long timeout_ms) {
  ApiResponse response;
  curl_easy_setopt(curl, CURLOPT_UNIX_SOCKET_PATH, socket_path.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, std::string(method).c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    throw RuntimeError("Docker Engine at " + socket_path + " did not answer " +
                       std::string(method) + " " + url.substr(url.find('/', 7)) + ": " +
                       (*error ? error : curl_easy_strerror(rc)));
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace

ApiResponse DockerApi::request(std::string_view method, const std::string& path,
                               std::string_view body, std::string_view content_type,
                               std::chrono::seconds timeout) const {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  if (!body.empty() || method == "POST" || method == "PUT") {
    headers.reset(
        curl_slist_append(nullptr, ("Content-Type: " + std::string(content_type)).c_str()));
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  return perform(curl.get(), socket_path_, method, "http://docker/" + version_ + path,
                 headers.get(), static_cast<long>(timeout.count() * 1000));
}

ApiResponse DockerApi::request_json(std::string_view method, const std::string& path,
                                    const nlohmann::json& body) const {
  return request(method, path, body.dump());
}

ApiResponse DockerApi::upload_file(std::string_view method, const std::string& path,
                                   const std::string& file, std::string_view content_type) const {
  std::unique_ptr<FILE, decltype(&fclose)> in(fopen(file.c_str(), "rb"), &fclose);
  if (!in) throw RuntimeError("cannot read '" + file + "': " + std::strerror(errno));
  fseeko(in.get(), 0, SEEK_END);
  auto size = ftello(in.get());
  fseeko(in.get(), 0, SEEK_SET);
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  std::unique_ptr<curl_slist, SlistDeleter> headers(
      curl_slist_append(nullptr, ("Content-Type: " + std::string(content_type)).c_str()));
  curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_READDATA, in.get());
  curl_easy_setopt(curl.get(), CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(size));
  return perform(curl.get(), socket_path_, method, "http://docker/" + version_ + path,
                 headers.get(), 30L * 60 * 1000);
}

bool DockerApi::ping(std::chrono::milliseconds timeout) const {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  std::string body;
  curl_easy_setopt(curl.get(), CURLOPT_UNIX_SOCKET_PATH, socket_path_.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_URL, "http://docker/_ping");
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  long status = 0;
  if (curl_easy_perform(curl.get()) != CURLE_OK) return false;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  return status == 200 && body == "OK";
}

int DockerApi::open_hijacked(std::string_view method, const std::string& path,
                             const nlohmann::json& body) const {
  // libcurl cannot hand over an upgraded connection, so the attach stream uses a plain
  // unix-socket connection with a hand-written HTTP/1.1 request.
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw RuntimeError(std::string("cannot create a socket: ") + std::strerror(errno));
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, socket_path_.c_str(), sizeof addr.sun_path - 1);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    auto err = std::strerror(errno);
    close(fd);
    throw RuntimeError("Docker Engine at " + socket_path_ + " did not answer: " + err);
  }
  auto payload = body.dump();
  std::string request = std::string(method) + " /" + version_ + path +
                        " HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
                        "Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: " +
                        std::to_string(payload.size()) + "\r\n\r\n" + payload;
  for (size_t sent = 0; sent < request.size();) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      auto err = std::strerror(errno);
      close(fd);
      throw RuntimeError("cannot send to the Docker Engine: " + std::string(err));
    }
    sent += static_cast<size_t>(n);
  }
  // Read the response head byte by byte so no stream bytes are consumed with it.
  std::string head;
  while (head.size() < 65536 && head.find("\r\n\r\n") == std::string::npos) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 30000) <= 0) break;
    char c;
    ssize_t n = recv(fd, &c, 1, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    head += c;
  }
  auto status_line = head.substr(0, head.find("\r\n"));
  bool ok = status_line.find(" 101 ") != std::string::npos ||
            status_line.find(" 200 ") != std::string::npos;
  if (!ok) {
    // Collect the error body (the Engine closes the connection after it).
    std::string rest;
    char buf[4096];
    for (;;) {
      pollfd p{fd, POLLIN, 0};
      if (poll(&p, 1, 2000) <= 0) break;
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      rest.append(buf, static_cast<size_t>(n));
    }
    close(fd);
    ApiResponse response{0, rest};
    throw RuntimeError("Docker Engine refused " + std::string(method) + " " + path + ": " +
                       (status_line.empty() ? "no response" : status_line) +
                       (rest.empty() ? "" : ": " + response.message()));
  }
  return fd;
}

}  // namespace proofbox::harness::runtime
