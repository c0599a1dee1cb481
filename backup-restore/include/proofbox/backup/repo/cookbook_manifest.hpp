#pragma once
// One cookbook file as a manifest record of an API v2 cookbook version ("all_files"), the way
// knife's cookbook manifest names it (Chef::CookbookManifest#parse_file_from_root_paths):
//   metadata.rb              name "root_files/metadata.rb",  specificity "default"
//   recipes/default.rb       name "recipes/default.rb",      specificity "default"
//   libraries/sub/x.rb       name "libraries/x.rb" (segment + basename), "default"
//   templates/x.erb          name "templates/x.erb",         specificity "root_default"
//   templates/ubuntu-20.04/x.erb   name "templates/x.erb",   specificity "ubuntu-20.04"
//   files/host-a.example/y   name "files/y",                 specificity "host-a.example"
// "path" is the path relative to the cookbook, "checksum" the file's lowercase MD5 hex. The
// records carry no "url": a restore asks the server for upload URLs.
#include <string>
#include <string_view>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/model/checksum.hpp"

namespace proofbox::backup::repo {

// The Chef checksum of a file: the server's own function, so both sides agree by construction.
using zero::model::md5_hex;

// The name and specificity for a cookbook-relative path ("/"-separated).
struct ManifestNaming {
  std::string name;
  std::string specificity;
};
ManifestNaming manifest_naming(std::string_view relative_path);

// {"name", "path", "checksum", "specificity"}.
Json manifest_record(std::string_view relative_path, std::string_view checksum);

}  // namespace proofbox::backup::repo
