// /cookbook_artifacts/NAME/IDENTIFIER (erchef oc_chef_wm_named_cookbook_artifact_version,
// oc_chef_cookbook_artifact_version; chef-zero cookbook_artifact_identifier_endpoint; pedant
// cookbook_artifacts specs).
//   GET     the artifact in the form of the request's API version, each file with the URL the
//           file store serves it at (<org url>/file_store/checksums/<md5>)
//   PUT     validates (model/cookbook_artifact.hpp); artifacts never change, so an existing
//           identifier is 409 {"error": "Cookbook artifact already exists"}; every file's
//           checksum must already be in the org's "checksums" (uploaded through a sandbox),
//           else 400; stores the body as sent and answers 201 {"uri": URL}
//   DELETE  answers what GET would, then removes it (the files stay in the file store)
// A missing artifact is 404 {"error": ["not_found"]}.
#include <mutex>

#include "cookbook_artifact_storage.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/cookbook_artifact.hpp"

namespace proofbox::zero::api {
namespace {

constexpr std::string_view kExists = "Cookbook artifact already exists";
constexpr std::string_view kChecksumMissing = "Manifest has a checksum that hasn't been uploaded.";

Json artifact_response(const Context& ctx, const store::Document& doc) {
  return model::cookbook_artifact_response(
      Json::parse(*doc), ctx.api_version, [&](std::string_view checksum) {
        return ctx.org_url({"file_store", "checksums", checksum});
      });
}

bool all_uploaded(const Context& ctx, const Json& artifact) {
  auto files = ctx.org->find("checksums");
  for (const std::string& checksum : model::cookbook_artifact_checksums(artifact)) {
    if (!files || !files->contains(checksum)) return false;
  }
  return true;
}

http::Response put_artifact(Context& ctx) {
  const std::string& name = ctx.param(0);
  const std::string& id = ctx.param(1);
  Json body = parse_body(ctx);
  model::validate_cookbook_artifact(body, name, id);
  {
    std::lock_guard lock(artifact_storage::artifact_write_mutex());
    auto existing = ctx.org->find(artifact_storage::artifacts_kind(name));
    if (existing && existing->contains(id)) {
      return http::Response::json(409, Json{{"error", std::string(kExists)}});
    }
    if (!all_uploaded(ctx, body)) throw bad_request(std::string(kChecksumMissing));
    // Made only now, so a refused PUT leaves no empty name behind.
    auto ids = ctx.org->collection(artifact_storage::artifacts_kind(name));
    if (!ids->create(id, store::make_document(body.dump()))) {
      return http::Response::json(409, Json{{"error", std::string(kExists)}});
    }
  }
  const std::string uri = ctx.org_url({"cookbook_artifacts", name, id});
  http::Response r = http::Response::json(201, Json{{"uri", uri}});
  r.headers.emplace_back("Location", uri);
  return r;
}

}  // namespace

void register_cookbook_artifact_identifier_endpoint(Router& router) {
  router.add(Scope::kOrg, "cookbook_artifacts/:name/:identifier", "GET", [](Context& ctx) {
    auto ids = artifact_storage::find_artifacts(ctx, ctx.param(0));
    store::Document doc = ids ? ids->get(ctx.param(1)) : nullptr;
    if (!doc) throw not_found(std::string(artifact_storage::kNotFound));
    return http::Response::json(200, artifact_response(ctx, doc));
  });
  router.add(Scope::kOrg, "cookbook_artifacts/:name/:identifier", "PUT", put_artifact);
  router.add(Scope::kOrg, "cookbook_artifacts/:name/:identifier", "DELETE", [](Context& ctx) {
    const std::string& name = ctx.param(0);
    std::lock_guard lock(artifact_storage::artifact_write_mutex());
    auto ids = ctx.org->find(artifact_storage::artifacts_kind(name));
    store::Document doc = ids ? ids->erase(ctx.param(1)) : nullptr;
    if (!doc) throw not_found(std::string(artifact_storage::kNotFound));
    if (ids->size() == 0) ctx.org->drop(artifact_storage::artifacts_kind(name));
    return http::Response::json(200, artifact_response(ctx, doc));
  });
}

}  // namespace proofbox::zero::api
