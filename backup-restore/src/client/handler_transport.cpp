#include "proofbox/backup/client/handler_transport.hpp"

#include <cctype>
#include <exception>

#include "proofbox/zero/chef_error.hpp"

namespace proofbox::backup::client {
namespace {

namespace http = zero::http;

// "http://host:port/path?q" -> host "host:port", target "/path?q".
void split_url(std::string_view url, std::string& host, std::string& target) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    target = std::string(url);
    return;
  }
  auto rest = url.substr(scheme + 3);
  auto slash = rest.find('/');
  host = std::string(rest.substr(0, slash));
  target = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
}

TransportResult from_response(http::Response&& response) {
  TransportResult out;
  out.status = response.status;
  out.body = std::move(response.body);
  bool has_type = false;
  for (auto& [name, value] : response.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "content-type") has_type = true;
    out.headers.emplace_back(std::move(lower), std::move(value));
  }
  if (!has_type) out.headers.emplace_back("content-type", response.content_type);
  return out;
}

}  // namespace

TransportResult HandlerTransport::perform_one(const TransportRequest& req) {
  http::Request request;
  request.method = req.method;
  std::string host;
  split_url(req.url, host, request.target);
  request.body = req.body;
  request.remote = "in-process";
  for (const auto& [name, value] : req.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request.headers.emplace_back(std::move(lower), value);
  }
  if (!host.empty() && !request.header("host")) request.headers.emplace_back("host", host);
  try {
    const std::string target = request.target;  // parse_target writes into request
    http::parse_target(target, request);
    return from_response(handler_.handle(request));
  } catch (const http::DropConnection&) {
    TransportResult out;
    out.error = TransportError::kConnection;
    out.error_message = "connection dropped by the server (" + req.url + ")";
    return out;
  } catch (const zero::ChefError& e) {
    return from_response(http::Response::error(e.status(), e.messages()));
  } catch (const std::exception& e) {
    return from_response(http::Response::error(500, std::string("internal error: ") + e.what()));
  }
}

std::vector<TransportResult> HandlerTransport::perform(
    const std::vector<TransportRequest>& requests) {
  std::vector<TransportResult> out;
  out.reserve(requests.size());
  for (const auto& request : requests) out.push_back(perform_one(request));
  return out;
}

}  // namespace proofbox::backup::client
