#pragma once
// Test support: a real proofbox Chef API behind the real HTTP server on a free loopback port,
// and a small libcurl client to talk to it. API tests go over the wire, never through handlers.
#include <curl/curl.h>

#include <atomic>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "proofbox/zero/api/chef_api.hpp"
#include "proofbox/zero/auth/key_source.hpp"
#include "proofbox/zero/http/server.hpp"
#include "proofbox/zero/json.hpp"
#include "proofbox/zero/store/store.hpp"

namespace proofbox::zero::testing {

struct ApiResponse {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names

  Json json() const { return Json::parse(body); }
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class ApiClient {
 public:
  explicit ApiClient(std::string base_url) : base_(std::move(base_url)), curl_(curl_easy_init()) {}
  ~ApiClient() { curl_easy_cleanup(curl_); }
  ApiClient(const ApiClient&) = delete;
  ApiClient& operator=(const ApiClient&) = delete;

  // `path` starts with '/'; `headers` are "Name: value" lines added to the defaults
  // (Accept: application/json, Content-Type: application/json).
  ApiResponse request(const std::string& method, const std::string& path,
                      const std::string& body = "", const std::vector<std::string>& headers = {}) {
    ApiResponse out;
    curl_easy_reset(curl_);
    std::string url = base_ + path;
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "HEAD") curl_easy_setopt(curl_, CURLOPT_NOBODY, 1L);
    if (!body.empty() || method == "POST" || method == "PUT") {
      curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.data());
      curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    }
    struct curl_slist* list = nullptr;
    bool has_accept = false, has_type = false;
    for (const auto& h : headers) {
      list = curl_slist_append(list, h.c_str());
      if (h.rfind("Accept:", 0) == 0 || h.rfind("Accept;", 0) == 0) has_accept = true;
      if (h.rfind("Content-Type:", 0) == 0) has_type = true;
    }
    if (!has_accept) list = curl_slist_append(list, "Accept: application/json");
    if (!has_type) list = curl_slist_append(list, "Content-Type: application/json");
    list = curl_slist_append(list, "Expect:");
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, &ApiClient::on_body);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &out.body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, &ApiClient::on_header);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &out.headers);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, 30L);
    CURLcode rc = curl_easy_perform(curl_);
    curl_slist_free_all(list);
    if (rc != CURLE_OK) {
      throw std::runtime_error(std::string("curl: ") + curl_easy_strerror(rc) + " for " + url);
    }
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &out.status);
    return out;
  }

  ApiResponse get(const std::string& path, const std::vector<std::string>& headers = {}) {
    return request("GET", path, "", headers);
  }
  ApiResponse del(const std::string& path, const std::vector<std::string>& headers = {}) {
    return request("DELETE", path, "", headers);
  }
  ApiResponse post(const std::string& path, const Json& body,
                   const std::vector<std::string>& headers = {}) {
    return request("POST", path, body.dump(), headers);
  }
  ApiResponse put(const std::string& path, const Json& body,
                  const std::vector<std::string>& headers = {}) {
    return request("PUT", path, body.dump(), headers);
  }

  const std::string& base_url() const { return base_; }

 private:
  static size_t on_body(char* data, size_t size, size_t n, void* user) {
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
  }
  static size_t on_header(char* data, size_t size, size_t n, void* user) {
    std::string line(data, size * n);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
      while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
      (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
    }
    return size * n;
  }

  std::string base_;
  CURL* curl_;
};

// Hands out the pre-made pairs in fixtures/keys/pool-N.pem in turn, so the hundreds of test
// servers and clients need no RSA generation (see auth/key_source.hpp).
inline void use_fixture_key_pool() {
  static const std::vector<auth::KeyPair> pool = [] {
    std::vector<auth::KeyPair> pairs;
    for (int i = 1; i <= 4; ++i) {
      std::ifstream in(std::string(PROOFBOX_SOURCE_DIR) + "/fixtures/keys/pool-" +
                       std::to_string(i) + ".pem");
      std::stringstream text;
      text << in.rdbuf();
      if (text.str().empty()) throw std::runtime_error("missing fixtures/keys/pool-N.pem");
      pairs.push_back({text.str(), auth::public_key_from_private(text.str())});
    }
    return pairs;
  }();
  static std::atomic<unsigned> next{0};
  auth::set_key_pair_source([] { return pool[next++ % pool.size()]; });
}

// The whole server in-process: store + Chef API + HTTP on 127.0.0.1, a free port.
class ApiTestServer {
 public:
  explicit ApiTestServer(api::ApiOptions options = {}, http::ServerOptions http_options = {})
      : api_((use_fixture_key_pool(), store_), std::move(options)),
        server_(api_, with_free_port(http_options)) {
    server_.start();
  }

  store::Store& store() { return store_; }
  api::ChefApi& api() { return api_; }
  http::Server& server() { return server_; }
  std::string url() const { return server_.url(); }
  ApiClient client() const { return ApiClient(server_.url()); }

 private:
  static http::ServerOptions with_free_port(http::ServerOptions o) {
    o.port = 0;
    o.host = "127.0.0.1";
    if (o.threads == 0) o.threads = 2;
    return o;
  }
  store::Store store_;
  api::ChefApi api_;
  http::Server server_;
};

}  // namespace proofbox::zero::testing
