// /nodes and /nodes/N (erchef chef_wm_nodes / chef_wm_named_node; pedant nodes spec).
// Nodes are never renamed: a PUT naming another node is 400 "Node name mismatch." (model).
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/api/object_responses.hpp"
#include "proofbox/zero/model/node.hpp"

namespace proofbox::zero::api {
namespace {

std::string node_url(const Context& ctx, std::string_view name) {
  return ctx.org_url({"nodes", name});
}

std::string node_not_found(std::string_view name) {
  return "node '" + std::string(name) + "' not found";
}

constexpr std::string_view kNodeExists = "Node already exists";

}  // namespace

void register_node_endpoints(Router& router) {
  router.add(Scope::kOrg, "nodes", "GET", [](Context& ctx) {
    return list_response(ctx.org->nodes(), [&](std::string_view n) { return node_url(ctx, n); });
  });
  router.add(Scope::kOrg, "nodes", "POST", [](Context& ctx) {
    Json node = model::normalize_node(parse_body(ctx), model::Action::create());
    const std::string name = node["name"];
    create_named(ctx.org->nodes(), name, node, kNodeExists);
    return created(node_url(ctx, name));
  });

  router.add(Scope::kOrg, "nodes/:name", "GET", [](Context& ctx) {
    return get_named(ctx.org->nodes(), ctx.param(0), node_not_found(ctx.param(0)));
  });
  router.add(Scope::kOrg, "nodes/:name", "PUT", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    Json node = model::normalize_node(parse_body(ctx), model::Action::update(name));
    update_named(ctx.org->nodes(), name, name, node, node_not_found(name), kNodeExists);
    return http::Response::json(200, node);
  });
  router.add(Scope::kOrg, "nodes/:name", "DELETE", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    return http::Response::json(200, erase_named(ctx.org->nodes(), name, node_not_found(name)));
  });
}

}  // namespace proofbox::zero::api
