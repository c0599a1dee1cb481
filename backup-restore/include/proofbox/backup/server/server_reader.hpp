#pragma once
// Backup: reads everything one organization of a Chef server holds into a ChefData, through
// the Chef API client (so the same code reads a real Chef Infra Server and proofbox, over HTTP
// or in-process). Every kind of kKinds; users come from the server root. Cookbook versions
// (all of them: ?num_versions=all) and cookbook artifacts are read in API v2 form, their files
// downloaded once per checksum and MD5-verified. A kind the server answers 404 or 403 for is
// skipped with a warning and left out of `described`, so a restore of the result never reads
// its absence as "delete everything of that kind".
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "proofbox/backup/chef_data.hpp"
#include "proofbox/backup/client/chef_client.hpp"
#include "proofbox/backup/server/progress.hpp"

namespace proofbox::backup::server {

struct ReadOptions {
  std::set<std::string> kinds;  // empty = every kind of kKinds
  bool download_files = true;   // false: manifests only (a restore comparing cookbooks)
  Progress* progress = nullptr;
};

struct ReadResult {
  ChefData data;
  std::vector<std::string> warnings;
};

// Failure to read something the server has (a 500 after every retry, a file whose bytes do not
// match its checksum, a non-JSON answer) throws, so a backup never silently misses objects.
class ServerReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

ReadResult read_server(client::ChefClient& client, const ReadOptions& options = {});

// Cookbook-version or artifact JSON in API v2 form without file urls: v0 "segments" become
// "all_files" entries named SEGMENT/NAME, as Chef converts them.
Json cookbook_to_v2(Json manifest);

}  // namespace proofbox::backup::server
