#pragma once
// Private to restore: the plan together with the server state it was made from (the writer
// needs both: a policy group's update removes the policies the server has and the source lacks).
#include <string>

#include "proofbox/backup/chef_data.hpp"
#include "proofbox/backup/client/chef_client.hpp"
#include "proofbox/backup/server/server_writer.hpp"

namespace proofbox::backup::server {

struct PlannedRestore {
  RestorePlan plan;
  ChefData current;
};

PlannedRestore make_plan(client::ChefClient& client, const ChefData& source,
                         const RestoreOptions& options);

// True when the server's `current` object already says what `source` says: every top-level
// field of the source has the same value on the server (fields the server adds as defaults do
// not count); cookbooks compare their file lists by path and checksum.
bool same_object(std::string_view kind, const Json& source, const Json& current);

}  // namespace proofbox::backup::server
