#include "proofbox/zero/http/message.hpp"

#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string_view> find_in(const HeaderList& list, std::string_view name) {
  for (const auto& [k, v] : list) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
  return find_in(headers, lower_name);
}

std::optional<std::string_view> Request::query_param(std::string_view name) const {
  return find_in(query, name);
}

std::string percent_decode(std::string_view in, bool plus_is_space) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) {
        throw bad_request("Malformed percent-encoding in request URL");
      }
      int hi = hex_value(in[i + 1]);
      int lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) throw bad_request("Malformed percent-encoding in request URL");
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string percent_encode_segment(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size());
  for (unsigned char c : in) {
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~' || c == ':' || c == '@';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

void parse_target(std::string_view target, Request& out) {
  if (target.empty() || target.front() != '/') {
    throw bad_request("Request target must be an absolute path");
  }
  out.target = std::string(target);
  std::string_view path = target;
  std::string_view query;
  if (auto q = target.find('?'); q != std::string_view::npos) {
    path = target.substr(0, q);
    query = target.substr(q + 1);
  }
  out.segments.clear();
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    if (next > pos) out.segments.push_back(percent_decode(path.substr(pos, next - pos), false));
    pos = next + 1;
  }
  out.path = percent_decode(path, false);
  out.query.clear();
  pos = 0;
  while (pos < query.size()) {
    size_t next = query.find('&', pos);
    if (next == std::string_view::npos) next = query.size();
    std::string_view pair = query.substr(pos, next - pos);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      if (eq == std::string_view::npos) {
        out.query.emplace_back(percent_decode(pair, true), std::string());
      } else {
        out.query.emplace_back(percent_decode(pair.substr(0, eq), true),
                               percent_decode(pair.substr(eq + 1), true));
      }
    }
    pos = next + 1;
  }
}

Response Response::json(int status, const Json& body) {
  Response r;
  r.status = status;
  r.body = body.dump();
  return r;
}

Response Response::error(int status, const std::vector<std::string>& messages) {
  return json(status, Json{{"error", messages}});
}

Response Response::error(int status, std::string_view message) {
  return json(status, Json{{"error", Json::array({std::string(message)})}});
}

}  // namespace proofbox::zero::http
