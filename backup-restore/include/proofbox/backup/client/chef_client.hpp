#pragma once
// A Chef Infra Server API client: signs requests as knife does (X-Ops-Sign 1.3 by default, 1.0
// and 1.1 on request), asks for one X-Ops-Server-API-Version, runs batches of requests
// concurrently and retries transient failures (retry_policy.hpp). The transport is libcurl over
// HTTP(S) or zero-server's handler in-process.
//
//   auto client = ChefClient::over_http({.server_url = "https://chef/organizations/acme",
//                                        .client_name = "backup", .private_key_pem = pem});
//   ApiResponse r = client.send({.path = client.org_path("nodes")});
//   auto all = client.send_all(requests);   // one response per request, same order
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/backup/client/curl_transport.hpp"
#include "proofbox/backup/client/retry_policy.hpp"
#include "proofbox/backup/client/server_url.hpp"
#include "proofbox/backup/client/transport.hpp"
#include "proofbox/zero/auth/canonical.hpp"
#include "proofbox/zero/auth/keys.hpp"
#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::backup::client {

using Json = proofbox::Json;

struct ClientConfig {
  std::string server_url;       // "https://chef.example/organizations/acme"
  std::string client_name;      // X-Ops-Userid
  std::string private_key_pem;  // empty: requests go unsigned (in-process, auth off)
  zero::auth::SignVersion sign_version = zero::auth::SignVersion::V1_3;
  int api_version = 1;  // X-Ops-Server-API-Version unless a request asks otherwise
  unsigned concurrency = 10;
  std::chrono::milliseconds timeout{60000};
  RetryPolicy retry;
  std::string ca_file;
  bool insecure = false;
};

struct ApiRequest {
  std::string method = "GET";
  std::string path;    // absolute path with query ("/organizations/acme/nodes"), or a full URL
  std::string body;    // raw body; JSON requests set it with json()
  HeaderList headers;  // extra headers (Content-MD5, Content-Type ...)
  std::optional<int> api_version;  // overrides the client's for this request
  std::string content_type = "application/json";
  bool sign = true;  // false for pre-signed file URLs on another host

  static ApiRequest get(std::string path, std::optional<int> api_version = std::nullopt) {
    ApiRequest r;
    r.path = std::move(path);
    r.api_version = api_version;
    return r;
  }
  static ApiRequest del(std::string path, std::optional<int> api_version = std::nullopt) {
    ApiRequest r = get(std::move(path), api_version);
    r.method = "DELETE";
    return r;
  }
  static ApiRequest json(std::string method, std::string path, const Json& body) {
    ApiRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.body = body.dump();
    return r;
  }
};

struct ApiResponse {
  long status = 0;  // 0 when no answer came (see error)
  std::string body;
  HeaderList headers;
  std::string error;  // transport failure after the last try
  unsigned attempts = 0;

  bool ok() const { return status >= 200 && status < 300; }
  Json json() const;  // throws std::runtime_error naming the status on a non-JSON body
  std::optional<std::string> header(std::string_view lower_name) const;
  // "404 {"error":["..."]}" or the transport error: for messages.
  std::string describe() const;
};

class ChefClient {
 public:
  ChefClient(ClientConfig config, std::unique_ptr<Transport> transport);

  static ChefClient over_http(ClientConfig config);
  // Requests go to `handler` (zero-server's ChefApi) without sockets; config.server_url still
  // names the organization ("http://proofbox/organizations/chef").
  static ChefClient in_process(zero::http::Handler& handler, ClientConfig config);

  // "/organizations/ORG/REL" (or the URL's own path + "/REL"); REL has no leading slash.
  std::string org_path(std::string_view rel) const;
  // "/REL": server-level endpoints (users, organizations).
  std::string root_path(std::string_view rel) const;

  ApiResponse send(const ApiRequest& request);
  std::vector<ApiResponse> send_all(const std::vector<ApiRequest>& requests);

  const ClientConfig& config() const { return config_; }
  const ServerUrl& url() const { return url_; }
  Transport& transport() { return *transport_; }
  // Requests sent, counting retries.
  std::size_t requests_sent() const { return sent_; }

 private:
  TransportRequest prepare(const ApiRequest& request) const;

  ClientConfig config_;
  ServerUrl url_;
  zero::auth::PKey key_;
  std::unique_ptr<Transport> transport_;
  std::mt19937_64 rng_;
  std::size_t sent_ = 0;
};

}  // namespace proofbox::backup::client
