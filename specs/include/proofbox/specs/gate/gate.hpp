#pragma once
// `proofbox gate` as a library: from a chef-repo in git and a base ref to the roles the change
// can affect, with reasons. Steps: resolve the base (git_changes.hpp), list changed paths, read
// the repo at HEAD (the work tree) and at the merge base (exported with git archive into a
// temporary directory), classify paths and add the objects that read differently
// (change_set.hpp, object_changes.hpp), then apply the rules of selection.hpp.
#include <filesystem>
#include <string>

#include "proofbox/specs/gate/git_changes.hpp"
#include "proofbox/specs/gate/selection.hpp"

namespace proofbox::specs::gate {

struct GateAnalysis {
  GitBase base;
  std::vector<GitChange> paths;
  Selection selection;
};

// GateError when the repo is not in git, the ref is unknown, or the repo at HEAD does not
// load (with the reader's FILE:LINE message). A base that does not load is only a note.
GateAnalysis analyze_change(const std::filesystem::path& repo, const std::string& base_ref);

}  // namespace proofbox::specs::gate
