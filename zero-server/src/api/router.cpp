#include "proofbox/zero/api/router.hpp"

namespace proofbox::zero::api {
namespace {

std::vector<std::string> split_pattern(std::string_view pattern) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= pattern.size()) {
    size_t next = pattern.find('/', pos);
    if (next == std::string_view::npos) next = pattern.size();
    if (next > pos) {
      std::string_view part = pattern.substr(pos, next - pos);
      out.emplace_back(part.front() == ':' ? std::string_view() : part);
    }
    pos = next + 1;
  }
  return out;
}

}  // namespace

const RouteHandler* Route::find(std::string_view method) const {
  for (const auto& [m, h] : methods) {
    if (m == method) return &h;
  }
  return nullptr;
}

std::string Route::allow() const {
  std::string out;
  for (const auto& [m, h] : methods) {
    if (!out.empty()) out += ", ";
    out += m;
  }
  return out;
}

Route& Router::route_for(Scope scope, std::string_view pattern) {
  auto& routes = scope == Scope::kOrg ? org_routes_ : server_routes_;
  std::vector<std::string> parts = split_pattern(pattern);
  for (Route& r : routes) {
    if (r.pattern == parts) return r;
  }
  routes.push_back(Route{std::move(parts), {}, true});
  return routes.back();
}

void Router::add(Scope scope, std::string_view pattern, std::string_view method,
                 RouteHandler handler) {
  route_for(scope, pattern).methods.emplace_back(std::string(method), std::move(handler));
}

void Router::set_public(Scope scope, std::string_view pattern) {
  route_for(scope, pattern).authenticated = false;
}

const Route* Router::match(Scope scope, const std::vector<std::string>& segments, std::size_t first,
                           std::vector<std::string>& params) const {
  const auto& routes = scope == Scope::kOrg ? org_routes_ : server_routes_;
  const std::size_t n = segments.size() - first;
  // The route with the most literal segments wins, so "cookbooks/_latest" beats "cookbooks/:name".
  const Route* best = nullptr;
  std::size_t best_literals = 0;
  for (const Route& r : routes) {
    if (r.pattern.size() != n) continue;
    bool ok = true;
    std::size_t literals = 0;
    for (std::size_t i = 0; i < n && ok; ++i) {
      if (r.pattern[i].empty()) continue;
      ok = r.pattern[i] == segments[first + i];
      ++literals;
    }
    if (ok && (!best || literals > best_literals)) {
      best = &r;
      best_literals = literals;
    }
  }
  if (best) {
    params.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (best->pattern[i].empty()) params.push_back(segments[first + i]);
    }
  }
  return best;
}

}  // namespace proofbox::zero::api
