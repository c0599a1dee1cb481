#include "wire.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/status.hpp>
#include <charconv>
#include <ctime>

namespace proofbox::zero::http::wire {
namespace {

namespace bhttp = boost::beast::http;

void append_number(std::string& out, std::size_t value) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  out.append(buf, end);
}

// "Date: ..." changes once a second; each worker thread keeps its own copy, so no lock.
std::string_view http_date() {
  thread_local std::time_t cached_second = -1;
  thread_local char buf[40];
  thread_local std::size_t len = 0;
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    len = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached_second = now;
  }
  return {buf, len};
}

bool iequals(std::string_view a, std::string_view b) {
  return boost::beast::iequals(boost::beast::string_view(a.data(), a.size()),
                               boost::beast::string_view(b.data(), b.size()));
}

// A handler header that would split the response or is not a token is dropped, not sent.
bool safe_field(std::string_view name, std::string_view value) {
  if (name.empty()) return false;
  for (char c : name) {
    if (c <= ' ' || c == ':' || c == 127) return false;
  }
  return value.find_first_of("\r\n", 0) == std::string_view::npos &&
         value.find('\0') == std::string_view::npos;
}

bool has_token(std::string_view list, std::string_view token) {
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t comma = list.find(',', pos);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view item = list.substr(pos, comma - pos);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (iequals(item, token)) return true;
    pos = comma + 1;
  }
  return false;
}

}  // namespace

HeadInfo serialize_head(std::string& out, const Response& response, bool head_request,
                        bool keep_alive, int request_version) {
  int status = response.status;
  if (status < 100 || status > 999) status = 500;
  bool bodiless_status = status < 200 || status == 204 || status == 304;

  HeadInfo info;
  info.send_body = !head_request && !bodiless_status;
  info.close_after = !keep_alive;

  bool has_content_type = false;
  for (const auto& [name, value] : response.headers) {
    if (iequals(name, "content-type")) has_content_type = true;
    if (iequals(name, "connection") && has_token(value, "close")) info.close_after = true;
  }

  out.clear();
  out.append("HTTP/1.1 ");
  append_number(out, static_cast<std::size_t>(status));
  out.push_back(' ');
  auto reason = bhttp::obsolete_reason(bhttp::int_to_status(static_cast<unsigned>(status)));
  if (reason.empty() || reason.front() == '<') {
    out.append("Unknown");
  } else {
    out.append(reason.data(), reason.size());
  }
  out.append("\r\nServer: proofbox\r\nDate: ");
  out.append(http_date());
  out.append("\r\n");
  if (!bodiless_status) {
    if (!has_content_type && !response.content_type.empty() &&
        safe_field("content-type", response.content_type)) {
      out.append("Content-Type: ");
      out.append(response.content_type);
      out.append("\r\n");
    }
    // HEAD answers with the length the GET would have had.
    out.append("Content-Length: ");
    append_number(out, response.body.size());
    out.append("\r\n");
  }
  for (const auto& [name, value] : response.headers) {
    if (!safe_field(name, value) || iequals(name, "content-length") ||
        iequals(name, "transfer-encoding") || iequals(name, "connection") ||
        iequals(name, "keep-alive")) {
      continue;
    }
    out.append(name);
    out.append(": ");
    out.append(value);
    out.append("\r\n");
  }
  if (info.close_after) {
    out.append("Connection: close\r\n");
  } else if (request_version < 11) {
    out.append("Connection: keep-alive\r\n");
  }
  out.append("\r\n");
  return info;
}

Response error_response(int status, const std::vector<std::string>& messages) {
  Response r;
  r.status = status;
  r.body = Json{{"error", messages}}.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Response error_response(int status, std::string message) {
  return error_response(status, std::vector<std::string>{std::move(message)});
}

}  // namespace proofbox::zero::http::wire
