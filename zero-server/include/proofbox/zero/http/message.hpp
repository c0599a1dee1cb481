#pragma once
// Transport-neutral HTTP request and response. The Beast server fills a Request from the wire;
// the Chef API answers with a Response. Tests can build both by hand, no sockets needed.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "proofbox/zero/json.hpp"

namespace proofbox::zero::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;                 // upper case: GET, POST, PUT, DELETE, HEAD, ...
  std::string target;                 // as received: path and query, still encoded
  std::string path;                   // percent-decoded path, no query
  std::vector<std::string> segments;  // path split on '/', each percent-decoded, empties dropped
  HeaderList query;                   // decoded query parameters in order
  HeaderList headers;                 // names lower-cased
  std::string body;
  std::string remote;  // peer address, for logs

  // Header by lower-case name; the first when repeated.
  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string_view> query_param(std::string_view name) const;
};

// Splits `target` into path, segments and query, percent-decoding each part.
// Throws ChefError(400) on malformed percent-encoding or a target that is not origin-form.
void parse_target(std::string_view target, Request& out);

// Decodes %XX escapes (and '+' as space when `plus_is_space`). Throws ChefError(400) on a bad
// escape.
std::string percent_decode(std::string_view in, bool plus_is_space);

// Encodes a path segment for building URLs (unreserved characters stay as they are).
std::string percent_encode_segment(std::string_view in);

struct Response {
  int status = 200;
  std::string body;
  HeaderList headers;  // Content-Type is set from `content_type` unless present here
  std::string content_type = "application/json";

  static Response json(int status, const Json& body);
  // Chef's error body: {"error": ["message", ...]}
  static Response error(int status, const std::vector<std::string>& messages);
  static Response error(int status, std::string_view message);
};

// Thrown by a Handler to close the connection without answering, as a crashed or unreachable
// server would. Test doubles use it to prove that clients survive lost responses.
struct DropConnection {};

// Anything that answers requests: the Chef API, or a test double.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual Response handle(Request& request) = 0;
};

}  // namespace proofbox::zero::http
