#pragma once
// One cookbook directory -> the cookbook version document knife uploads (API v2 form):
//   {"name": "NAME-VERSION", "cookbook_name", "version", "metadata", "all_files": [records],
//    "frozen?": false, "json_class": "Chef::CookbookVersion", "chef_type": "cookbook_version"}
// with every file's bytes by MD5 (cookbook_manifest.hpp for the records).
//
// Like knife's cookbook loader: metadata from metadata.json when present, else metadata.rb
// (the name is required); every file under the cookbook except directories at its top whose
// name starts with "." and ".uploaded-cookbook-version.json"; symlinked files count when
// they point inside the repo, symlinked directories are not descended; the chefignore that
// applies (chefignore.hpp) removes files; recipes/*.rb are added to the metadata's recipes.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "proofbox/backup/repo/repo_paths.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::backup::repo {

struct LoadedCookbook {
  std::string name;
  std::string version;
  Json document;
  // lowercase MD5 hex -> bytes
  std::map<std::string, std::string> files;
};

// std::nullopt for a directory with no files at all (knife skips those); a RepoError for a
// cookbook without usable metadata.
std::optional<LoadedCookbook> load_cookbook(const std::filesystem::path& dir, RepoRoot& root);

}  // namespace proofbox::backup::repo
