// /cookbooks, /cookbooks/_latest, /cookbooks/_recipes and /cookbooks/NAME (erchef
// chef_wm_cookbooks; chef-zero cookbooks_endpoint and cookbook_endpoint; pedant cookbooks
// read_spec and named_filters_spec). Versions are listed newest first; /cookbooks shows
// ?num_versions=N|all of each (default 1), /cookbooks/NAME all of them.
#include "proofbox/zero/api/cookbook_index.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/cookbook_manifest.hpp"

namespace proofbox::zero::api {
namespace {

http::Response list_cookbooks(Context& ctx) {
  const auto limit = num_versions_param(ctx, 1);
  Json out = Json::object();
  for (const std::string& name : cookbook_names(*ctx.org)) {
    out[name] =
        cookbook_listing_entry(ctx, name, take_versions(cookbook_versions(*ctx.org, name), limit));
  }
  return http::Response::json(200, out);
}

// {NAME: URL of its newest version}
http::Response latest_cookbooks(Context& ctx) {
  Json out = Json::object();
  for (const std::string& name : cookbook_names(*ctx.org)) {
    auto versions = cookbook_versions(*ctx.org, name);
    if (!versions.empty()) out[name] = cookbook_version_url(ctx, name, versions.front());
  }
  return http::Response::json(200, out);
}

// The recipes of every cookbook's newest version, by cookbook name then recipe name.
http::Response latest_recipes(Context& ctx) {
  Json out = Json::array();
  for (const std::string& name : cookbook_names(*ctx.org)) {
    auto versions = cookbook_versions(*ctx.org, name);
    if (versions.empty()) continue;
    auto cookbook = load_cookbook_version(*ctx.org, name, versions.front());
    if (!cookbook) continue;  // deleted meanwhile
    for (std::string& recipe : model::qualified_recipe_names(name, *cookbook)) {
      out.push_back(std::move(recipe));
    }
  }
  return http::Response::json(200, out);
}

http::Response one_cookbook(Context& ctx) {
  const std::string& name = ctx.param(0);
  auto versions = cookbook_versions(*ctx.org, name);
  if (versions.empty()) throw not_found(cookbook_not_found(name));
  return http::Response::json(200, Json{{name, cookbook_listing_entry(ctx, name, versions)}});
}

}  // namespace

void register_cookbook_endpoints(Router& router) {
  router.add(Scope::kOrg, "cookbooks", "GET", list_cookbooks);
  router.add(Scope::kOrg, "cookbooks/_latest", "GET", latest_cookbooks);
  router.add(Scope::kOrg, "cookbooks/_recipes", "GET", latest_recipes);
  router.add(Scope::kOrg, "cookbooks/:name", "GET", one_cookbook);
}

}  // namespace proofbox::zero::api
