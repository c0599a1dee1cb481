#include "proofbox/zero/api/cookbook_render.hpp"

#include "proofbox/zero/model/cookbook_manifest.hpp"

namespace proofbox::zero::api {

std::string checksum_url(const Context& ctx, std::string_view checksum) {
  return ctx.org_url({"file_store", "checksums", checksum});
}

Json render_cookbook_version(const Context& ctx, const Json& stored) {
  return model::render_manifest(stored, ctx.api_version, [&](std::string_view checksum) {
    return checksum_url(ctx, checksum);
  });
}

}  // namespace proofbox::zero::api
