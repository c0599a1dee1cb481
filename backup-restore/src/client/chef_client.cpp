#include "proofbox/backup/client/chef_client.hpp"

#include <stdexcept>
#include <thread>

#include "proofbox/backup/client/handler_transport.hpp"
#include "proofbox/zero/auth/signing.hpp"
#include "proofbox/zero/version.hpp"

namespace proofbox::backup::client {

Json ApiResponse::json() const {
  try {
    return Json::parse(body);
  } catch (const Json::parse_error&) {
    throw std::runtime_error("expected JSON, got " + describe());
  }
}

std::optional<std::string> ApiResponse::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return std::nullopt;
}

std::string ApiResponse::describe() const {
  if (status == 0) return error.empty() ? std::string("no response") : error;
  std::string text = body.size() > 300 ? body.substr(0, 300) + "..." : body;
  return std::to_string(status) + " " + text;
}

ChefClient::ChefClient(ClientConfig config, std::unique_ptr<Transport> transport)
    : config_(std::move(config)),
      url_(parse_server_url(config_.server_url)),
      transport_(std::move(transport)),
      rng_(std::random_device{}()) {
  if (!config_.private_key_pem.empty()) {
    key_ = zero::auth::load_private_key(config_.private_key_pem);
    if (config_.client_name.empty()) {
      throw std::invalid_argument("a client name is needed to sign requests");
    }
  }
}

ChefClient ChefClient::over_http(ClientConfig config) {
  CurlOptions curl{config.concurrency, config.timeout, std::chrono::milliseconds(10000),
                   config.ca_file, config.insecure};
  return ChefClient(std::move(config), std::make_unique<CurlTransport>(std::move(curl)));
}

ChefClient ChefClient::in_process(zero::http::Handler& handler, ClientConfig config) {
  return ChefClient(std::move(config), std::make_unique<HandlerTransport>(handler));
}

std::string ChefClient::org_path(std::string_view rel) const {
  return url_.org_prefix + "/" + std::string(rel);
}

std::string ChefClient::root_path(std::string_view rel) const {
  return "/" + std::string(rel);
}

TransportRequest ChefClient::prepare(const ApiRequest& request) const {
  TransportRequest out;
  out.method = request.method;
  const bool absolute = request.path.find("://") != std::string::npos;
  out.url = absolute ? request.path : url_.base + request.path;
  out.body = request.body;
  const int api_version = request.api_version.value_or(config_.api_version);
  out.headers.emplace_back("Accept", "application/json");
  if (!request.content_type.empty() &&
      (!request.body.empty() || request.method == "POST" || request.method == "PUT")) {
    out.headers.emplace_back("Content-Type", request.content_type);
  }
  out.headers.emplace_back("X-Chef-Version", "18.0.0");
  out.headers.emplace_back("User-Agent", std::string("proofbox/") + kProofboxVersion);
  if (key_ && request.sign) {
    zero::auth::SignInput input;
    input.method = request.method;
    input.path = url_path(out.url);
    input.body = request.body;
    input.user_id = config_.client_name;
    input.version = config_.sign_version;
    input.server_api_version = std::to_string(api_version);
    for (auto& header : zero::auth::sign_request(input, key_)) {
      out.headers.push_back(std::move(header));
    }
  } else {
    out.headers.emplace_back("X-Ops-Server-API-Version", std::to_string(api_version));
  }
  for (const auto& header : request.headers) out.headers.push_back(header);
  return out;
}

ApiResponse ChefClient::send(const ApiRequest& request) {
  return std::move(send_all({request}).front());
}

std::vector<ApiResponse> ChefClient::send_all(const std::vector<ApiRequest>& requests) {
  std::vector<ApiResponse> out(requests.size());
  std::vector<std::size_t> pending(requests.size());
  for (std::size_t i = 0; i < pending.size(); ++i) pending[i] = i;

  for (unsigned attempt = 0; !pending.empty(); ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(config_.retry.delay(attempt, rng_));
    // Signed again on every try: the timestamp must be fresh.
    std::vector<TransportRequest> batch;
    batch.reserve(pending.size());
    for (std::size_t i : pending) batch.push_back(prepare(requests[i]));
    std::vector<TransportResult> results = transport_->perform(batch);
    sent_ += batch.size();

    std::vector<std::size_t> again;
    for (std::size_t k = 0; k < pending.size(); ++k) {
      ApiResponse& response = out[pending[k]];
      TransportResult& result = results[k];
      response.attempts = attempt + 1;
      response.status = result.status;
      response.body = std::move(result.body);
      response.headers = std::move(result.headers);
      response.error = std::move(result.error_message);
      if (RetryPolicy::retryable(result) && attempt < config_.retry.retries) {
        again.push_back(pending[k]);
      }
    }
    pending = std::move(again);
  }
  return out;
}

}  // namespace proofbox::backup::client
