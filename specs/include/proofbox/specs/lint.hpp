#pragma once
// The lint suite every `proofbox spec` run starts with:
//   * every file of the repo loads (JSON parses, Ruby DSL evaluates, objects are valid),
//   * every role's run list and env_run_lists, and every node's run list, name cookbooks,
//     recipes and roles the repo has (a recipe exists when its cookbook has
//     recipes/NAME.rb or its metadata declares it),
//   * every environment's cookbook pins are satisfiable by a cookbook version in the repo.
// Each failure names the file and, where the offending text can be found, its line.
#include <vector>

#include "proofbox/specs/loaded_repo.hpp"
#include "proofbox/specs/report.hpp"

namespace proofbox::specs {

std::vector<CaseResult> lint_repo(const LoadedRepo& repo);

}  // namespace proofbox::specs
