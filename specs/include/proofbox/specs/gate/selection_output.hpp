#pragma once
// How `proofbox gate` shows its decision: the role names one per line (`--list`), a readable
// explanation (each selected role with its reasons, then notes), or one JSON document:
//   {"base": {"ref", "commit", "merge_base"}, "changes": [{"kind", "name", "paths"}],
//    "roles": [{"name", "reasons"}], "shard": {"index", "count", "roles": [...]}, "notes"}
#include <iosfwd>
#include <vector>

#include "proofbox/specs/gate/gate.hpp"
#include "proofbox/specs/gate/shard.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::specs::gate {

void write_role_list(std::ostream& out, const std::vector<SelectedRole>& roles);

// `shard_roles` is the part of the selection this worker runs (all of it without --shard).
void write_explanation(std::ostream& out, const GateAnalysis& analysis, const Shard& shard,
                       const std::vector<SelectedRole>& shard_roles);

Json selection_json(const GateAnalysis& analysis, const Shard& shard,
                    const std::vector<SelectedRole>& shard_roles);

}  // namespace proofbox::specs::gate
