#include "proofbox/zero/api/chef_api.hpp"

#include <cctype>
#include <charconv>

#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/org_setup.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::api {
namespace {

// Parses X-Ops-Server-API-Version; nullopt when it is not a supported integer.
std::optional<int> parse_api_version(std::string_view text) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (v < kMinApiVersion || v > kMaxApiVersion) return std::nullopt;
  return v;
}

// Accept negotiation as chef-zero does it: no header accepts anything.
bool accepts_json(const http::Request& req) {
  auto accept = req.header("accept");
  if (!accept) return true;
  std::string_view list = *accept;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t next = list.find(',', pos);
    if (next == std::string_view::npos) next = list.size();
    std::string_view item = list.substr(pos, next - pos);
    if (auto semi = item.find(';'); semi != std::string_view::npos) item = item.substr(0, semi);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    // Media types are case-insensitive (RFC 9110 8.3.1): "Application/JSON" is JSON.
    std::string type(item);
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (type == "application/json" || type == "application/*" || type == "*/*") return true;
    pos = next + 1;
  }
  return false;
}

std::string version_header(int request_version, int response_version) {
  return "{\"min_version\":\"" + std::to_string(kMinApiVersion) + "\",\"max_version\":\"" +
         std::to_string(kMaxApiVersion) + "\",\"request_version\":\"" +
         std::to_string(request_version) + "\",\"response_version\":\"" +
         std::to_string(response_version) + "\"}";
}

}  // namespace

ChefApi::ChefApi(store::Store& store, ApiOptions options)
    : store_(store), options_(std::move(options)) {
  register_all_endpoints(router_);
  ensure_org(store_, options_.default_org, "Default organization");
}

http::Response ChefApi::handle(http::Request& request) {
  Context ctx(request, store_, options_);
  int request_version = 0;
  if (auto v = request.header("x-ops-server-api-version")) {
    auto parsed = parse_api_version(*v);
    if (!parsed) {
      http::Response r = http::Response::json(
          406, Json{{"error", "invalid-x-ops-server-api-version"},
                    {"message", "Specified version " + std::string(*v) + " not supported"},
                    {"min_version", kMinApiVersion},
                    {"max_version", kMaxApiVersion}});
      r.headers.emplace_back("X-Ops-Server-API-Version", version_header(-1, -1));
      return r;
    }
    request_version = *parsed;
  }
  ctx.api_version = request_version;
  if (auto host = request.header("host"); host && !host->empty()) {
    ctx.base_url = "http://" + std::string(*host);
  } else {
    ctx.base_url = options_.fallback_base_url;
  }

  http::Response response;
  try {
    response = dispatch(ctx);
  } catch (const ChefError& e) {
    response = http::Response::error(e.status(), e.messages());
  }
  response.headers.emplace_back("X-Ops-Server-API-Version",
                                version_header(request_version, request_version));
  return response;
}

http::Response ChefApi::dispatch(Context& ctx) {
  const auto& seg = ctx.request.segments;
  const Route* route = nullptr;
  if (!seg.empty() && seg[0] == "organizations" && seg.size() >= 3) {
    ctx.org = store_.org(seg[1]);
    ctx.org_scoped = true;
    if (!ctx.org) {
      return http::Response::error(404, "organization '" + seg[1] + "' does not exist.");
    }
    route = router_.match(Scope::kOrg, seg, 2, ctx.params);
  } else {
    route = router_.match(Scope::kServer, seg, 0, ctx.params);
    if (!route) {
      ctx.org = store_.org(options_.default_org);
      if (ctx.org) route = router_.match(Scope::kOrg, seg, 0, ctx.params);
    }
  }
  if (!route) {
    return http::Response::error(404,
                                 "No route for " + ctx.request.method + " " + ctx.request.path);
  }
  if (!accepts_json(ctx.request)) {
    return http::Response::error(406, "Must accept application/json");
  }
  std::string_view method = ctx.request.method;
  if (method == "HEAD") method = "GET";
  const RouteHandler* handler = route->find(method);
  if (!handler) {
    http::Response r = http::Response::error(
        405, "Bad request method for '" + ctx.request.path + "': " + ctx.request.method);
    r.headers.emplace_back("Allow", route->allow());
    return r;
  }
  if (options_.auth == AuthMode::kVerify && route->authenticated) {
    http::Response failure;
    if (!authenticate(ctx, failure)) return failure;
  }
  return (*handler)(ctx);
}

}  // namespace proofbox::zero::api
