#include "proofbox/zero/depsolver/solve.hpp"

#include "explain.hpp"
#include "failure_bodies.hpp"
#include "search.hpp"

namespace proofbox::zero::depsolver {

Result solve(const Universe& universe, const Request& request) {
  auto items = run_list_cookbooks(request.run_list);
  if (!items) {
    return Failure{400, Json{{"error", Json::array({"Field 'run_list' is not a valid run list"})}}};
  }
  if (items->empty()) return Solution{};

  // erchef answers missing run-list cookbooks before it runs the solver at all.
  std::vector<std::string> missing;
  for (const auto& item : *items) {
    if (!universe.holds(item.cookbook)) missing.push_back(item.cookbook);
  }
  if (!missing.empty()) return detail::no_such_cookbooks(missing);

  detail::Problem problem;
  problem.universe = &universe;
  problem.step_limit = request.step_limit;
  problem.allowed.resize(universe.cookbook_count());
  for (Universe::Id id = 0; id < universe.cookbook_count(); ++id) {
    problem.allowed[id] = {0, universe.cookbook(id).version_count};
  }
  for (const auto& [name, constraint] : request.environment) {
    if (auto id = universe.find(name)) {
      problem.allowed[*id] = problem.allowed[*id].intersect(universe.matching(*id, constraint));
    }
  }

  std::vector<std::string> unmatched;
  for (const auto& item : *items) {
    const Universe::Id id = *universe.find(item.cookbook);
    Constraint c = model::kAnyVersion;
    if (item.version) c = Constraint{model::ConstraintOp::eq, *item.version, true};
    const VersionRange range = universe.matching(id, c);
    if (range.intersect(problem.allowed[id]).empty()) {
      unmatched.push_back(detail::dependency_text(item.cookbook, c));
    }
    problem.roots.push_back(detail::Root{id, range});
    problem.root_constraints.push_back(c);
  }
  if (!unmatched.empty()) return detail::no_matching_versions(unmatched);

  detail::SearchInput input;
  input.universe = &universe;
  input.allowed = problem.allowed;
  input.roots = problem.roots;
  input.step_limit = request.step_limit;
  auto result = detail::search(input);
  switch (result.status) {
    case detail::SearchStatus::solved: {
      Solution solution;
      solution.steps = result.steps;
      solution.cookbooks.reserve(result.chosen.size());
      for (auto [id, v] : result.chosen) {
        solution.cookbooks.push_back({universe.cookbook(id).name, universe.version(id, v).version});
      }
      return solution;
    }
    case detail::SearchStatus::step_limit:
      return detail::out_of_time();
    case detail::SearchStatus::unsatisfiable:
      break;
  }
  return detail::explain_unsatisfiable(problem);
}

}  // namespace proofbox::zero::depsolver
