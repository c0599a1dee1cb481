// /organizations and /organizations/O (erchef oc_chef_wm_organizations,
// oc_chef_wm_named_organization, oc_chef_organization; chef-zero organizations_endpoint /
// organization_endpoint).
//
//   GET    /organizations     {name: url}
//   POST   /organizations     {"name", "full_name"} -> 201 {"uri", "clientname", "private_key"}:
//                             the new org's validator and its generated private key
//   GET    /organizations/O   {"name", "full_name", "guid"}
//   PUT    /organizations/O   {"name" (must be O), "full_name"} -> 200 with the org document
//   DELETE /organizations/O   the org document; the org and everything in it are gone
// Bodies: name [a-z0-9][a-z0-9_-]{0,254} and full_name \S.{0,1022} are both required
// ("Field 'F' missing" / "Field 'F' invalid"). Duplicate: 409 {"error": "Organization already
// exists"} (a string, as erchef answers). Unknown org: 404 "organization 'O' does not exist."
#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/api/org_setup.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/names.hpp"

namespace proofbox::zero::api {
namespace {

std::string org_url(const Context& ctx, std::string_view name) {
  return ctx.server_url({"organizations", name});
}

ChefError org_not_found(std::string_view name) {
  return not_found("organization '" + std::string(name) + "' does not exist.");
}

// The full_name rule of oc_chef_organization: \S.{0,1022} (PCRE, no UTF: bytes; '.' is
// anything but a newline).
bool valid_full_name(std::string_view s) {
  if (s.empty() || s.size() > 1023) return false;
  switch (s.front()) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
      return false;
    default:
      break;
  }
  return s.find('\n') == std::string_view::npos;
}

// Validates an org body (oc_chef_organization:parse_binary_json). With `existing`, the name
// must be that org's (PUT). Returns {name, full_name}.
std::pair<std::string, std::string> check_org_body(const Json& body,
                                                   std::optional<std::string_view> existing) {
  model::require_object_body(body);
  if (!body.contains("name")) throw model::field_missing("name");
  const Json& name = body["name"];
  if (!name.is_string() ||
      !model::valid_name(model::NameKind::organization, name.get<std::string>()) ||
      (existing && name.get<std::string>() != *existing)) {
    throw model::field_invalid("name");
  }
  if (!body.contains("full_name")) throw model::field_missing("full_name");
  const Json& full_name = body["full_name"];
  if (!full_name.is_string() || !valid_full_name(full_name.get<std::string>())) {
    throw model::field_invalid("full_name");
  }
  return {name.get<std::string>(), full_name.get<std::string>()};
}

http::Response create_organization(Context& ctx) {
  auto [name, full_name] = check_org_body(parse_body(ctx), std::nullopt);
  if (ctx.store.org(name)) return error_string(409, "Organization already exists");
  std::optional<CreatedOrg> created = create_org(ctx.store, name, full_name);
  if (!created) return error_string(409, "Organization already exists");
  const std::string uri = org_url(ctx, name);
  http::Response r =
      http::Response::json(201, Json{{"uri", uri},
                                     {"clientname", created->validator_name},
                                     {"private_key", created->validator_private_key}});
  r.headers.emplace_back("Location", uri);
  return r;
}

http::Response update_organization(Context& ctx) {
  const std::string& name = ctx.param(0);
  std::optional<Json> doc = org_document(ctx.store, name);
  if (!doc) throw org_not_found(name);
  auto [body_name, full_name] = check_org_body(parse_body(ctx), std::string_view(name));
  (*doc)["full_name"] = full_name;
  ctx.store.organizations().put(name, store::make_document(doc->dump()));
  return http::Response::json(200, *doc);
}

http::Response delete_organization(Context& ctx) {
  const std::string& name = ctx.param(0);
  std::optional<Json> doc = org_document(ctx.store, name);
  if (!doc || !ctx.store.delete_org(name)) throw org_not_found(name);
  ctx.store.organizations().erase(name);
  ctx.store.drop("associations/" + name);
  return http::Response::json(200, *doc);
}

}  // namespace

void register_organization_endpoints(Router& router) {
  router.add(Scope::kServer, "organizations", "GET", [](Context& ctx) {
    Json out = Json::object();
    for (const std::string& name : ctx.store.org_names()) out[name] = org_url(ctx, name);
    return http::Response::json(200, out);
  });
  router.add(Scope::kServer, "organizations", "POST", create_organization);

  router.add(Scope::kServer, "organizations/:name", "GET", [](Context& ctx) {
    std::optional<Json> doc = org_document(ctx.store, ctx.param(0));
    if (!doc) throw org_not_found(ctx.param(0));
    return http::Response::json(200, *doc);
  });
  router.add(Scope::kServer, "organizations/:name", "PUT", update_organization);
  router.add(Scope::kServer, "organizations/:name", "DELETE", delete_organization);
}

}  // namespace proofbox::zero::api
