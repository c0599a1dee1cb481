#pragma once
// How the server hands out a stored cookbook version: the one function every endpoint that
// answers with a cookbook version uses (cookbooks/NAME/VERSION, the depsolver's
// environments/E/cookbook_versions, ...), so the manifest form and the file URLs are the same
// everywhere.
#include <string>
#include <string_view>

#include "proofbox/zero/api/context.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::zero::api {

// Where the file with this checksum is uploaded (sandbox answers) and downloaded (manifests):
// <org url>/file_store/checksums/<md5>. The same format is used by cookbook_artifacts.
std::string checksum_url(const Context& ctx, std::string_view checksum);

// A stored cookbook version (v2 "all_files" form, no urls; see store/org.hpp) as this request
// sees it: v0 segments when ctx.api_version < 2, "all_files" from 2 on, and every file entry
// with its "url" (checksum_url). The stored document is not changed.
Json render_cookbook_version(const Context& ctx, const Json& stored);

}  // namespace proofbox::zero::api
