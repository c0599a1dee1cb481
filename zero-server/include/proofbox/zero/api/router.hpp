#pragma once
// Path patterns to handlers. A pattern is slash-separated literals and ":name" captures
// ("nodes/:name"). Org-scope routes answer both under /organizations/ORG/ and unscoped (for the
// default org); server-scope routes answer only at the top (users, organizations, _status...).
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "proofbox/zero/api/context.hpp"
#include "proofbox/zero/http/message.hpp"

namespace proofbox::zero::api {

using RouteHandler = std::function<http::Response(Context&)>;

enum class Scope { kOrg, kServer };

struct Route {
  std::vector<std::string> pattern;  // literals, or "" for a capture
  std::vector<std::pair<std::string, RouteHandler>> methods;
  bool authenticated = true;  // false for _status, version and the like

  const RouteHandler* find(std::string_view method) const;
  std::string allow() const;  // "GET, PUT, DELETE"
};

class Router {
 public:
  void add(Scope scope, std::string_view pattern, std::string_view method, RouteHandler handler);
  // Marks a route as answering without a signed request.
  void set_public(Scope scope, std::string_view pattern);

  // The route whose pattern matches `segments` (from `first` on); fills `params`. Null when none.
  const Route* match(Scope scope, const std::vector<std::string>& segments, std::size_t first,
                     std::vector<std::string>& params) const;

 private:
  Route& route_for(Scope scope, std::string_view pattern);
  std::vector<Route> org_routes_;
  std::vector<Route> server_routes_;
};

}  // namespace proofbox::zero::api
