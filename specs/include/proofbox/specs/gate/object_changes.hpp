#pragma once
// The objects that differ between the base and HEAD as the repo reader sees them: roles,
// environments, data bags and cookbooks (by content, so a cookbook reached through a symlink
// or a vendored directory is still caught). Added to the path-based changes so that nothing
// that reads differently slips through, whatever file layout produced it.
#include <vector>

#include "proofbox/specs/gate/change_set.hpp"
#include "proofbox/specs/gate/repo_graph.hpp"

namespace proofbox::specs::gate {

void add_object_changes(std::vector<Change>& changes, const RepoGraph& head, const RepoGraph& base);

}  // namespace proofbox::specs::gate
