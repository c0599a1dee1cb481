// /sandboxes and /sandboxes/ID (erchef chef_wm_sandboxes and chef_wm_named_sandbox; chef-zero
// sandboxes_endpoint and sandbox_endpoint). A client POSTs the checksums of the files it is about
// to upload and learns which the server lacks and where to PUT them; it then commits the sandbox,
// which fails with 503 while any of its files is still missing.
#include <ctime>

#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/api/cookbook_index.hpp"
#include "proofbox/zero/api/cookbook_render.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/api/named_objects.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/checksum.hpp"
#include "proofbox/zero/model/sandbox.hpp"

namespace proofbox::zero::api {
namespace {

// "2026-11-23T10:37:33+00:00", the form erchef gives create_time.
std::string utc_timestamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
  return buf;
}

std::string sandbox_not_found(std::string_view id) {
  return "No such sandbox '" + std::string(id) + "'.";
}

http::Response create_sandbox(Context& ctx) {
  const std::vector<std::string> requested = model::sandbox_request_checksums(parse_body(ctx));
  auto files = ctx.org->collection(kChecksumsKind);
  Json answer = Json::object();
  std::vector<std::string> listed;
  listed.reserve(requested.size());
  for (const std::string& checksum : requested) {
    const std::string md5 = model::lower_checksum(checksum);
    listed.push_back(md5);
    if (files->contains(md5)) {
      answer[checksum] = Json{{"needs_upload", false}};
    } else {
      answer[checksum] = Json{{"url", checksum_url(ctx, md5)}, {"needs_upload", true}};
    }
  }
  const std::string id = random_hex_id();
  ctx.org->collection(kSandboxesKind)
      ->put(id, store::make_document(model::new_sandbox(listed, utc_timestamp()).dump()));
  return http::Response::json(201, Json{{"sandbox_id", id},
                                        {"uri", ctx.org_url({"sandboxes", id})},
                                        {"checksums", std::move(answer)}});
}

http::Response commit_sandbox(Context& ctx) {
  const std::string& id = ctx.param(0);
  model::require_sandbox_commit(parse_body(ctx));
  auto sandboxes = ctx.org->collection(kSandboxesKind);
  Json sandbox = load_named(*sandboxes, id, sandbox_not_found(id));
  auto files = ctx.org->collection(kChecksumsKind);
  std::vector<std::string> missing;
  for (const std::string& md5 : model::sandbox_checksums(sandbox)) {
    if (!files->contains(md5)) missing.push_back(md5);
  }
  if (!missing.empty()) throw ChefError(503, model::sandbox_missing_files_message(id, missing));
  sandboxes->erase(id);
  return http::Response::json(200, model::committed_sandbox(id, sandbox));
}

}  // namespace

void register_sandbox_endpoints(Router& router) {
  router.add(Scope::kOrg, "sandboxes", "POST", create_sandbox);
  router.add(Scope::kOrg, "sandboxes/:id", "PUT", commit_sandbox);
}

}  // namespace proofbox::zero::api
