#pragma once
// Private to the HTTP server: turning a Response into the bytes of its status line and header
// fields, and the Chef-style error responses the server produces on its own.
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/http/message.hpp"

namespace proofbox::zero::http::wire {

struct HeadInfo {
  bool send_body = true;     // false for HEAD requests and 1xx/204/304 statuses
  bool close_after = false;  // the connection closes after this response
};

// Writes "HTTP/1.1 ..." up to and including the blank line into `out` (cleared first, capacity
// kept). `keep_alive` is what the request asked for; the result says whether the connection
// stays open (the handler may answer `Connection: close`).
HeadInfo serialize_head(std::string& out, const Response& response, bool head_request,
                        bool keep_alive, int request_version);

// {"error":[...]} with invalid UTF-8 replaced instead of throwing.
Response error_response(int status, const std::vector<std::string>& messages);
Response error_response(int status, std::string message);

}  // namespace proofbox::zero::http::wire
