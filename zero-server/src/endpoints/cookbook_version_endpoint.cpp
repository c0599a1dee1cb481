// /cookbooks/NAME/VERSION (erchef chef_wm_cookbook_version; chef-zero
// cookbook_version_endpoint; pedant cookbooks create/update/delete/read specs).
//   GET, DELETE  VERSION may be "_latest" or "latest"; the answer is the version rendered for the
//                request's API version (render_cookbook_version).
//   PUT          creates (201) or replaces (200) one version. The body is checked in the form the
//                request's API version uses (v0 segments below 2, all_files from 2), every file
//                must already be uploaded, and it is stored in the v2 form without urls. A frozen
//                version is only replaced with ?force (any value but "false"), and stays frozen.
//                The answer is the body as accepted.
#include "proofbox/zero/api/cookbook_index.hpp"
#include "proofbox/zero/api/cookbook_render.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/cookbook.hpp"
#include "proofbox/zero/model/cookbook_manifest.hpp"

namespace proofbox::zero::api {
namespace {

bool is_latest(std::string_view version) {
  return version == "_latest" || version == "latest";
}

// The version a GET or DELETE names; 404 when the cookbook has no such version.
model::Version resolve_version(const Context& ctx, std::string_view name, std::string_view text) {
  if (is_latest(text)) {
    auto versions = cookbook_versions(*ctx.org, name);
    if (versions.empty()) throw not_found(cookbook_version_not_found(name, text));
    return versions.front();
  }
  return model::require_cookbook_url_version(text);
}

bool forced(const Context& ctx) {
  auto force = ctx.request.query_param("force");
  return force && *force != "false";
}

std::string frozen_message(std::string_view name, const model::Version& v) {
  return "The cookbook " + std::string(name) + " at version " + model::to_string(v) +
         " is frozen. Use the 'force' option to override.";
}

void require_uploaded(const Context& ctx, const Json& cookbook) {
  auto files = ctx.org->collection(kChecksumsKind);
  for (const std::string& md5 : model::manifest_checksums(cookbook)) {
    if (!files->contains(md5)) {
      throw bad_request("Manifest has a checksum that hasn't been uploaded.");
    }
  }
}

http::Response get_version(Context& ctx) {
  const std::string& name = ctx.param(0);
  const model::Version v = resolve_version(ctx, name, ctx.param(1));
  auto cookbook = load_cookbook_version(*ctx.org, name, v);
  if (!cookbook) throw not_found(cookbook_version_not_found(name, ctx.param(1)));
  return http::Response::json(200, render_cookbook_version(ctx, *cookbook));
}

http::Response put_version(Context& ctx) {
  const std::string& name = ctx.param(0);
  const std::string& text = ctx.param(1);
  const model::Version v = model::require_cookbook_url_version(text);
  model::require_cookbook_url_name(name);
  Json cookbook = model::normalize_cookbook_version(parse_body(ctx), name, text,
                                                    model::wants_all_files(ctx.api_version));
  require_uploaded(ctx, cookbook);
  const bool force = forced(ctx);
  bool existed = false;
  // Read-modify-write under the version's lock, so two PUTs cannot both pass the frozen check.
  ctx.org->collection(cookbook_kind(name))
      ->update(model::cookbook_version_key(v), [&](const store::Document& before) {
        existed = before != nullptr;
        if (existed && model::cookbook_frozen(Json::parse(*before))) {
          if (!force) throw conflict(frozen_message(name, v));
          cookbook["frozen?"] = true;  // once frozen, always frozen
        }
        return store::make_document(model::stored_cookbook_version(cookbook).dump());
      });
  return http::Response::json(existed ? 200 : 201, cookbook);
}

http::Response delete_version(Context& ctx) {
  const std::string& name = ctx.param(0);
  const model::Version v = resolve_version(ctx, name, ctx.param(1));
  auto versions = ctx.org->find(cookbook_kind(name));
  store::Document removed = versions ? versions->erase(model::cookbook_version_key(v)) : nullptr;
  if (!removed) throw not_found(cookbook_version_not_found(name, ctx.param(1)));
  return http::Response::json(200, render_cookbook_version(ctx, Json::parse(*removed)));
}

}  // namespace

void register_cookbook_version_endpoints(Router& router) {
  router.add(Scope::kOrg, "cookbooks/:name/:version", "GET", get_version);
  router.add(Scope::kOrg, "cookbooks/:name/:version", "PUT", put_version);
  router.add(Scope::kOrg, "cookbooks/:name/:version", "DELETE", delete_version);
}

}  // namespace proofbox::zero::api
