#pragma once
// Builds the depsolver's Universe from an organization in the store: every `cookbooks/NAME`
// collection (version "x.y.z" -> cookbook version JSON), reading each version's
// metadata.dependencies ({name: constraint}).
#include "proofbox/zero/depsolver/universe.hpp"
#include "proofbox/zero/json.hpp"
#include "proofbox/zero/store/org.hpp"

namespace proofbox::zero::depsolver {

// The dependencies a cookbook version document declares. Constraints are read with Chef's
// lenient syntax; an entry that is not a valid constraint string counts as ">= 0.0.0" (the
// cookbooks endpoint validates them on upload, so this only guards against hand-made data).
std::vector<Dependency> dependencies_of(const Json& cookbook_version);

Universe universe_from_org(const store::Org& org);

}  // namespace proofbox::zero::depsolver
