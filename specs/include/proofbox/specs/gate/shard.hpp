#pragma once
// Splitting the selected roles across N CI workers: `--shard I/N` (1 <= I <= N) takes the
// roles whose position in the name-sorted selection is I-1, I-1+N, I-1+2N, ... (round robin).
// Every worker computes the same selection from the same commit, so the shards are disjoint,
// cover the selection, and differ in size by at most one role.
#include <string>
#include <vector>

#include "proofbox/specs/gate/selection.hpp"

namespace proofbox::specs::gate {

struct Shard {
  int index = 1;  // 1-based
  int count = 1;
};

// "2/4" -> {2, 4}; GateError for anything else ("0/3", "4/3", "a/b", "3").
Shard parse_shard(const std::string& text);

// The roles of `shard`, in name order.
std::vector<SelectedRole> shard_roles(std::vector<SelectedRole> roles, const Shard& shard);

}  // namespace proofbox::specs::gate
