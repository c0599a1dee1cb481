#pragma once
// Cookbook artifacts: cookbook versions named by an opaque identifier instead of a version,
// as Policyfiles lock them (oc_erchef oc_chef_cookbook_artifact_version,
// chef_cookbook_version; pedant cookbook_artifacts specs).
//
// A PUT body must hold "name" (a cookbook name, [A-Za-z0-9_.-]+) and "identifier"
// ([A-Za-z0-9_.:-]{1,255}), equal to the ones in the URL. Its files come either as the v2
// "all_files" list ({"name": "recipes/default.rb", "path", "checksum", "specificity"}) or as
// v0 segments ("recipes": [{"name": "default.rb", ...}], "attributes", ...). The artifact is
// stored as sent and answered in the form the request's API version asks for.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/json.hpp"

namespace proofbox::zero::model {

// The v0 segments, in the server's order.
const std::vector<std::string>& cookbook_segments();

// Throws ChefError 400 unless `body` is an artifact named `url_name` with identifier
// `url_identifier`:
//   "Field 'name'|'identifier' missing|invalid",
//   "Field 'name'|'identifier' invalid : URL_VALUE does not match BODY_VALUE",
//   "Field 'SEGMENT' invalid" (a segment or all_files that is not a list),
//   "Invalid element in array value of 'SEGMENT'." (an entry without a string checksum).
void validate_cookbook_artifact(const Json& body, std::string_view url_name,
                                std::string_view url_identifier);

// Every checksum the artifact's files name, sorted and without duplicates.
std::vector<std::string> cookbook_artifact_checksums(const Json& artifact);

// v0 -> v2: the segments' files moved into "all_files" with "SEGMENT/" put before each name.
// Unchanged when "all_files" is already there.
Json to_all_files(Json cookbook);
// v2 -> v0: "all_files" split into every segment by the part of the name before the first
// '/' (a name without '/' is a root file); files of unknown segments are dropped, as the
// server does. Unchanged when there is no "all_files".
Json to_segments(Json cookbook);

// The download URL of the file with this checksum.
using FileUrl = std::function<std::string(std::string_view checksum)>;

// The artifact as GET and DELETE answer it: in the form of `api_version` (all_files from 2 on),
// without "json_class", each file with its "url".
Json cookbook_artifact_response(Json artifact, int api_version, const FileUrl& url);

}  // namespace proofbox::zero::model
