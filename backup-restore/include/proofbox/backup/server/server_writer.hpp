#pragma once
// Restore: makes a Chef server's organization hold what a ChefData holds.
//
//   1. the source is validated as a whole (names agree with documents, every cookbook file is
//      present and matches its checksum) before anything is sent;
//   2. the server's current state is read (manifests only, no file downloads) and a plan of
//      creates, updates and deletes is made; objects already equal are left alone, so a second
//      run plans nothing ("nothing to change") and a run that was interrupted simply finishes;
//   3. creates and updates go kind by kind in kKinds order (what later kinds refer to first);
//      a create answered 409 becomes a PUT and an update answered 404 a POST, so retries after
//      lost answers converge; cookbooks go through sandboxes (only the files the server lacks
//      are uploaded) and then PUT /cookbooks/N/V?force=true;
//   4. with `purge`, objects the source lacks are deleted last, in reverse kind order, and only
//      in kinds the source describes; never the _default environment nor the client or user
//      doing the restore.
// `dry_run` stops after step 2 and returns the plan.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "proofbox/backup/chef_data.hpp"
#include "proofbox/backup/client/chef_client.hpp"
#include "proofbox/backup/server/progress.hpp"

namespace proofbox::backup::server {

struct RestoreOptions {
  bool purge = false;
  bool dry_run = false;
  Progress* progress = nullptr;
};

struct Change {
  enum class Op { kCreate, kUpdate, kDelete };
  Op op;
  std::string kind;  // a kKinds name
  std::string name;  // object name; for data bags "BAG" (the bag) or "BAG/ITEM"
};

struct RestorePlan {
  std::vector<Change> changes;
  std::vector<std::string> warnings;  // kinds the server lacks with nothing to restore, ...
  std::vector<std::string> problems;  // objects that cannot be restored (the run fails)

  bool empty() const { return changes.empty(); }
  std::size_t count(Change::Op op, std::string_view kind) const;
  // "nothing to change", or "create: nodes 3, roles 1; update: environments 1; delete: ..."
  std::string summary() const;
};

struct RestoreResult {
  RestorePlan plan;
  std::vector<std::string> errors;  // what failed after every retry, and the plan's problems
  bool ok() const { return errors.empty(); }
};

// The source is unusable as a whole: nothing was changed.
class InvalidSource : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws InvalidSource listing every problem found.
void validate_source(const ChefData& source);

RestorePlan plan_restore(client::ChefClient& client, const ChefData& source,
                         const RestoreOptions& options = {});

RestoreResult restore(client::ChefClient& client, const ChefData& source,
                      const RestoreOptions& options = {});

}  // namespace proofbox::backup::server
