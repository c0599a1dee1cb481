// /_status, /version and /server_api_version: unauthenticated server facts.
#include "proofbox/zero/api/chef_api.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/version.hpp"

namespace proofbox::zero::api {

void register_status_endpoints(Router& router) {
  router.add(Scope::kServer, "_status", "GET", [](Context&) {
    return http::Response::json(200,
                                Json{{"status", "pong"},
                                     {"upstreams", {{"chef_solr", "pong"}, {"chef_sql", "pong"}}},
                                     {"keygen",
                                      {{"keys", 10},
                                       {"max", 10},
                                       {"max_workers", 2},
                                       {"cur_max_workers", 2},
                                       {"inflight", 0},
                                       {"avail_workers", 2},
                                       {"start_size", 0}}}});
  });
  router.set_public(Scope::kServer, "_status");

  router.add(Scope::kServer, "version", "GET", [](Context&) {
    http::Response r;
    r.content_type = "text/plain";
    r.body = std::string("proofbox ") + proofbox::kProofboxVersion + "\n";
    return r;
  });
  router.set_public(Scope::kServer, "version");

  router.add(Scope::kServer, "server_api_version", "GET", [](Context&) {
    return http::Response::json(
        200, Json{{"min_api_version", kMinApiVersion}, {"max_api_version", kMaxApiVersion}});
  });
  router.set_public(Scope::kServer, "server_api_version");
}

}  // namespace proofbox::zero::api
