// /nodes and /nodes/N
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/object_responses.hpp"
#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::api {
namespace {

// TODO(model): replace with model::normalize_node once the model unit lands.
Json normalize_node_body(Json body, std::string_view url_name) {
  if (!body.contains("name") || !body["name"].is_string()) throw bad_request("Field 'name' missing");
  if (!url_name.empty() && body["name"] != url_name) {
    // a PUT with another name is a rename; the caller decides
  }
  body.emplace("json_class", "Chef::Node");
  body.emplace("chef_type", "node");
  body.emplace("chef_environment", "_default");
  body.emplace("run_list", Json::array());
  for (const char* k : {"default", "normal", "override", "automatic"}) body.emplace(k, Json::object());
  return body;
}

std::string node_url(const Context& ctx, std::string_view name) {
  return ctx.org_url({"nodes", name});
}

}  // namespace

void register_node_endpoints(Router& router) {
  router.add(Scope::kOrg, "nodes", "GET", [](Context& ctx) {
    return list_response(ctx.org->nodes(), [&](std::string_view n) { return node_url(ctx, n); });
  });
  router.add(Scope::kOrg, "nodes", "POST", [](Context& ctx) {
    Json node = normalize_node_body(ctx.json_body(), "");
    std::string name = node["name"];
    return create_response(ctx.org->nodes(), name, node, node_url(ctx, name));
  });
  router.add(Scope::kOrg, "nodes/:name", "GET", [](Context& ctx) {
    return get_response(ctx.org->nodes(), ctx.param(0), node_url(ctx, ctx.param(0)));
  });
  router.add(Scope::kOrg, "nodes/:name", "PUT", [](Context& ctx) {
    Json node = normalize_node_body(ctx.json_body(), ctx.param(0));
    std::string new_name = node["name"];
    return put_response(ctx.org->nodes(), ctx.param(0), new_name, node,
                        node_url(ctx, ctx.param(0)));
  });
  router.add(Scope::kOrg, "nodes/:name", "DELETE", [](Context& ctx) {
    return delete_response(ctx.org->nodes(), ctx.param(0), node_url(ctx, ctx.param(0)));
  });
}

}  // namespace proofbox::zero::api
