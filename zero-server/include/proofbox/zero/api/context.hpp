#pragma once
// What an endpoint handler sees of one request: the request, the store, the organization the
// path names (or the default one), the captured path parameters, the negotiated API version and
// helpers that build the URLs the Chef server puts in its answers.
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/json.hpp"
#include "proofbox/zero/store/store.hpp"

namespace proofbox::zero::api {

struct ApiOptions;

class Context {
 public:
  Context(const http::Request& request, store::Store& store, const ApiOptions& options)
      : request(request), store(store), options(options) {}

  const http::Request& request;
  store::Store& store;
  const ApiOptions& options;
  std::shared_ptr<store::Org> org;  // null for server-level routes
  bool org_scoped = false;          // the path began with /organizations/ORG
  int api_version = 0;
  std::vector<std::string> params;  // the ":name" parts of the matched route, in order
  std::string requestor;            // the authenticated client or user; empty with auth off
  std::string base_url;             // "http://host:port", from the Host header

  store::Org& org_ref() const { return *org; }
  const std::string& param(std::size_t i) const { return params.at(i); }

  // URL of an org-level object: base + (/organizations/ORG when the request used it) + segments.
  std::string org_url(std::initializer_list<std::string_view> segments) const;
  // URL of a server-level object: base + segments.
  std::string server_url(std::initializer_list<std::string_view> segments) const;
  // Always the /organizations/ORG form, for objects that only exist scoped (e.g. org documents).
  std::string scoped_url(std::initializer_list<std::string_view> segments) const;
};

}  // namespace proofbox::zero::api
