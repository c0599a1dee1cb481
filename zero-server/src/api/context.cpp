#include "proofbox/zero/api/context.hpp"

namespace proofbox::zero::api {
namespace {

void append_segments(std::string& out, std::initializer_list<std::string_view> segments) {
  for (std::string_view s : segments) {
    out.push_back('/');
    out += http::percent_encode_segment(s);
  }
}

}  // namespace

std::string Context::org_url(std::initializer_list<std::string_view> segments) const {
  if (org_scoped) return scoped_url(segments);
  std::string out = base_url;
  append_segments(out, segments);
  return out;
}

std::string Context::scoped_url(std::initializer_list<std::string_view> segments) const {
  std::string out = base_url;
  append_segments(out, {"organizations", org ? std::string_view(org->name()) : ""});
  append_segments(out, segments);
  return out;
}

std::string Context::server_url(std::initializer_list<std::string_view> segments) const {
  std::string out = base_url;
  append_segments(out, segments);
  return out;
}

}  // namespace proofbox::zero::api
