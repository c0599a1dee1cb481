// One HTTP(S) request from inside a network namespace: libcurl does the protocol, and its
// socket is created in the namespace through CURLOPT_OPENSOCKETFUNCTION.
#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <mutex>

#include "proofbox/harness/netns.hpp"
#include "proofbox/harness/probes.hpp"
#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness {
namespace {

struct Exchange {
  int netns_pid = 0;
  std::string socket_error;
  HttpResponse* response = nullptr;
};

curl_socket_t open_socket(void* data, curlsocktype, struct curl_sockaddr* address) {
  auto* exchange = static_cast<Exchange*>(data);
  try {
    return netns_socket(exchange->netns_pid, address->family, address->socktype, address->protocol);
  } catch (const RuntimeError& e) {
    exchange->socket_error = e.what();
    return CURL_SOCKET_BAD;
  }
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* response = static_cast<HttpResponse*>(user);
  std::string line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.rfind("HTTP/", 0) == 0) {
    response->headers.clear();  // a new response (after a redirect or 100 Continue)
  } else if (auto colon = line.find(':'); colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    response->headers[name] = value;
  }
  return size * count;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

std::string HttpRequest::url() const {
  bool bracket = host.find(':') != std::string::npos;
  std::string authority = bracket ? "[" + host + "]" : host;
  return scheme + "://" + authority + ":" + std::to_string(port) + target;
}

HttpResponse http_request(int netns_pid, const HttpRequest& request) {
  global_init();
  HttpResponse response;
  Exchange exchange{netns_pid, "", &response};
  CURL* curl = curl_easy_init();
  if (!curl) {
    response.error = "cannot initialise libcurl";
    return response;
  }
  std::string url = request.url();
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");  // never through a proxy from the environment
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, open_socket);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &exchange);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_FORBID_REUSE, 1L);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, request.follow_redirects ? 1L : 0L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, request.verify_tls ? 1L : 0L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, request.verify_tls ? 2L : 0L);
  if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (request.method != "GET" || !request.body.empty()) {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  if (!request.body.empty()) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
  }
  auto start = std::chrono::steady_clock::now();
  CURLcode code = curl_easy_perform(curl);
  response.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  if (code == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
  } else if (!exchange.socket_error.empty()) {
    response.error = exchange.socket_error;
  } else if (code == CURLE_COULDNT_CONNECT) {
    long os_errno = 0;
    curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_errno);
    response.error = os_errno == ECONNREFUSED ? std::string("connection refused")
                     : os_errno != 0 ? std::string(std::strerror(static_cast<int>(os_errno)))
                                     : std::string("could not connect");
  } else if (code == CURLE_OPERATION_TIMEDOUT) {
    response.error = "timed out after " + seconds_text(request.timeout);
  } else {
    response.error = curl_easy_strerror(code);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return response;
}

}  // namespace proofbox::harness
