#pragma once
// How a ChefClient's requests reach a server: over HTTP with libcurl (curl_transport.hpp) or
// in-process through zero-server's request handler (handler_transport.hpp). A transport only
// moves bytes; signing, retries and JSON live in ChefClient.
#include <string>
#include <utility>
#include <vector>

namespace proofbox::backup::client {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct TransportRequest {
  std::string method;  // GET, POST, PUT, DELETE, HEAD
  std::string url;     // absolute: "https://chef.example:443/organizations/acme/nodes?x=1"
  HeaderList headers;
  std::string body;
};

// Why no HTTP answer arrived. Timeouts and broken connections are worth a retry; other
// failures (bad URL, TLS verification) are not.
enum class TransportError { kNone, kTimeout, kConnection, kFatal };

struct TransportResult {
  long status = 0;  // HTTP status; 0 when `error` is set
  std::string body;
  HeaderList headers;  // names lower-cased
  TransportError error = TransportError::kNone;
  std::string error_message;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Performs every request, as many at a time as the transport allows, and returns one result
  // per request in the same order. Never throws for a failed request: the result says why.
  virtual std::vector<TransportResult> perform(const std::vector<TransportRequest>& requests) = 0;
};

}  // namespace proofbox::backup::client
