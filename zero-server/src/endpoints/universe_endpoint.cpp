// /universe (erchef chef_wm_universe; chef-zero universe_endpoint): every version of every
// cookbook with its dependencies, the input Berkshelf and the depsolver work from:
//   {NAME: {"x.y.z": {"location_path": URL, "location_type": "chef_server",
//                     "dependencies": {DEP: "OP VERSION"}}}}
// Constraints are written canonically ("OP VERSION"), as erchef rebuilds them from its parsed form.
#include "proofbox/zero/api/cookbook_index.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/model/cookbook.hpp"

namespace proofbox::zero::api {
namespace {

Json canonical_dependencies(const Json& deps) {
  Json out = Json::object();
  for (const auto& [dep, constraint] : deps.items()) {
    if (!constraint.is_string()) continue;
    const auto& text = constraint.get_ref<const std::string&>();
    auto parsed = model::parse_constraint(text);
    out[dep] = parsed ? model::to_string(*parsed) : text;
  }
  return out;
}

http::Response universe(Context& ctx) {
  Json out = Json::object();
  for (const std::string& name : cookbook_names(*ctx.org)) {
    Json versions = Json::object();
    for (const model::Version& v : cookbook_versions(*ctx.org, name)) {
      auto cookbook = load_cookbook_version(*ctx.org, name, v);
      if (!cookbook) continue;  // deleted meanwhile
      versions[model::to_string(v)] =
          Json{{"location_path", cookbook_version_url(ctx, name, v)},
               {"location_type", "chef_server"},
               {"dependencies", canonical_dependencies(model::cookbook_dependencies(*cookbook))}};
    }
    if (!versions.empty()) out[name] = std::move(versions);
  }
  return http::Response::json(200, out);
}

}  // namespace

void register_universe_endpoints(Router& router) {
  router.add(Scope::kOrg, "universe", "GET", universe);
}

}  // namespace proofbox::zero::api
