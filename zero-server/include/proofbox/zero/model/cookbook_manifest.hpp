#pragma once
// The file manifest of a cookbook version in its two wire forms (erchef chef_cookbook_version
// ensure_v0_metadata / ensure_v2_metadata, Chef::CookbookManifest):
//
//   v0 (server API 0 and 1)  one array per segment — attributes, definitions, files, libraries,
//                            providers, recipes, resources, root_files, templates — whose file
//                            entries are named inside the segment ("default.rb");
//   v2 (server API 2)        one "all_files" array whose entries carry the segment in the name
//                            ("recipes/default.rb", "root_files/metadata.rb").
//
// A file entry is {"name", "path", "checksum", "specificity"} plus "url" when served. The store
// keeps the v2 form without urls; these functions convert between the forms and add urls.
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/json.hpp"

namespace proofbox::zero::model {

// The v0 segments, in erchef's order (the order v0 -> v2 appends them to all_files).
inline constexpr std::array<std::string_view, 9> kCookbookSegments = {
    "attributes", "definitions", "files",      "libraries", "providers",
    "recipes",    "resources",   "root_files", "templates"};

bool is_cookbook_segment(std::string_view key) noexcept;

// v0 -> v2: every segment's entries move into "all_files" (appended after any entries already
// there) with "SEGMENT/" put in front of their names; the segment keys are removed.
Json segments_to_all_files(Json cookbook);

// v2 -> v0: "all_files" is split into the nine segments, every one present (empty when it has no
// files). An entry's segment is its name up to the first '/', and its v0 name the rest; a name
// without '/' is a root file. Entries naming a segment that does not exist are dropped, as
// erchef drops them. A document without "all_files" only gets its missing segments filled in.
Json all_files_to_segments(Json cookbook);

// Builds the download URL of the file with this checksum.
using FileUrl = std::function<std::string(std::string_view checksum)>;

// Sets "url" on every file entry of either form.
void set_file_urls(Json& cookbook, const FileUrl& url);
// Removes "url" from every file entry of either form (what the store keeps).
void strip_file_urls(Json& cookbook);

// The stored (v2, url-free) cookbook version as a request of `api_version` sees it: v0
// segments below API 2, "all_files" from API 2 on, each entry with its url.
Json render_manifest(const Json& stored, int api_version, const FileUrl& url);

// True when a request of this server API version exchanges cookbooks in the v2 form.
constexpr bool wants_all_files(int api_version) noexcept {
  return api_version >= 2;
}

// Every checksum the manifest (either form) names, sorted, without repeats.
std::vector<std::string> manifest_checksums(const Json& cookbook);

// The recipes of a cookbook version as run lists name them: "NAME" for recipes/default.rb,
// "NAME::other" for recipes/other.rb. Only ".rb" files directly in the recipes segment count.
// Sorted.
std::vector<std::string> qualified_recipe_names(std::string_view cookbook_name,
                                                const Json& cookbook);

}  // namespace proofbox::zero::model
