// /file_store/checksums/MD5: the in-memory stand-in for the Chef server's file storage
// (bookshelf / S3 behind erchef's presigned URLs; chef-zero file_store_file_endpoint). Sandboxes
// hand out these URLs for uploads and cookbook manifests for downloads. Like presigned URLs they
// need no signed request. An upload is refused unless the bytes' MD5 is the one the URL names
// (and the Content-MD5 header's, when sent), so a stored file always matches its checksum.
#include "proofbox/zero/api/cookbook_index.hpp"
#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/auth/base64.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/checksum.hpp"

namespace proofbox::zero::api {
namespace {

constexpr std::string_view kFilePattern = "file_store/checksums/:checksum";

// The MD5 (hex) the Content-MD5 header states, or nullopt when the header is absent.
std::optional<std::string> content_md5_header(const Context& ctx) {
  auto header = ctx.request.header("content-md5");
  if (!header) return std::nullopt;
  auto raw = auth::base64_decode(*header);
  if (!raw || raw->size() != 16) {
    throw ChefError(400, "Invalid Content-MD5 header '" + std::string(*header) + "'");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : *raw) {
    hex.push_back(kHex[byte >> 4]);
    hex.push_back(kHex[byte & 15]);
  }
  return hex;
}

http::Response download(Context& ctx) {
  const std::string md5 = model::lower_checksum(ctx.param(0));
  store::Document bytes = ctx.org->collection(kChecksumsKind)->get(md5);
  if (!bytes) throw not_found("No file with checksum " + md5);
  http::Response r;
  r.status = 200;
  r.body = *bytes;
  r.content_type = "application/x-binary";
  return r;
}

http::Response upload(Context& ctx) {
  const std::string md5 = model::lower_checksum(ctx.param(0));
  if (!model::valid_checksum(md5)) throw bad_request("Invalid checksum '" + ctx.param(0) + "'");
  const std::string& body = ctx.request.body;
  const std::string actual = model::md5_hex(body);
  if (actual != md5) {
    throw bad_request("Checksum mismatch: the uploaded content has MD5 " + actual + ", not " + md5);
  }
  if (auto stated = content_md5_header(ctx); stated && *stated != md5) {
    throw bad_request("Checksum mismatch: Content-MD5 states " + *stated + ", not " + md5);
  }
  ctx.org->collection(kChecksumsKind)->put(md5, store::make_document(body));
  return http::Response::json(200, Json::object());
}

}  // namespace

void register_file_store_endpoints(Router& router) {
  router.add(Scope::kOrg, kFilePattern, "GET", download);
  router.add(Scope::kOrg, kFilePattern, "PUT", upload);
  router.set_public(Scope::kOrg, kFilePattern);
}

}  // namespace proofbox::zero::api
