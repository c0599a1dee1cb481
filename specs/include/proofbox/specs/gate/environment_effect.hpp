#pragma once
// What an environment change means for roles: which cookbook pins moved, whether the
// attributes changed, whether the environment appeared or disappeared (see selection.hpp for
// how each selects roles).
#include <map>
#include <string>

#include "proofbox/specs/gate/repo_graph.hpp"

namespace proofbox::specs::gate {

struct EnvironmentEffect {
  std::map<std::string, std::string> pins;  // cookbook -> "'= 1.0.0' -> '~> 1.1'"
  bool attributes = false;                  // default or override attributes differ
  std::string existence;                    // "added", "deleted" or ""
  bool any() const { return !pins.empty() || attributes || !existence.empty(); }
};

// `base` null: no readable base, so everything about `environment` at HEAD counts as changed.
EnvironmentEffect environment_effect(const std::string& environment, const RepoGraph& head,
                                     const RepoGraph* base);

}  // namespace proofbox::specs::gate
