#pragma once
// Generated cookbook universes for the depsolver benchmark (and the test that checks the
// benchmark's answers are consistent).
//
// Shaped like a real chef-repo, in layers: top cookbooks (what roles run), wrappers,
// libraries and base cookbooks; each cookbook depends on one to three cookbooks one or two
// layers down, and about half of them also on one of five shared cookbooks (think apt, yum,
// build-essential), which makes many diamonds. Each dependency has one style (">= X" half the time,
// "~> M.0" or "~> M.m.0" or a fixed ">= 1.0.0" otherwise) and version k of a cookbook asks for
// about version 2k/3 of the dependency, so newer cookbooks want newer dependencies and two parents
// of a shared cookbook regularly disagree on its major version. Version 0 of everything always
// works together, so every generated run list has a solution.
//
// `force_backtracking` adds a cookbook "late" that only a cookbook deep in the graph depends
// on, and whose versions all need the first shared cookbook below 2.0: the newest versions of
// every cookbook that asked for a newer shared cookbook have to be given up, which is only
// discovered when "late" is decided, near the end of the search.
#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "proofbox/zero/depsolver/solve.hpp"

namespace proofbox::zero::depsolver::bench {

struct GraphSpec {
  int cookbooks = 50;
  int versions = 3;
  int run_list = 5;
  bool force_backtracking = false;
  unsigned seed = 42;
};

inline std::string cookbook_name(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "cb%03d", i);
  return buf;
}

// Version k: 1.0.0, 1.1.0, 1.2.0, 2.0.0, 2.1.0, ...
inline Version version_at(int k) {
  return Version{static_cast<std::uint64_t>(1 + k / 3), static_cast<std::uint64_t>(k % 3), 0};
}

struct GeneratedGraph {
  Universe universe;
  Request request;
};

inline GeneratedGraph generate_graph(const GraphSpec& spec) {
  std::mt19937 rng(spec.seed);
  auto pick = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const int shared = std::min(5, spec.cookbooks / 5);
  const int regular = spec.cookbooks - shared;
  // Layers of a chef-repo: roles' top cookbooks, wrappers, libraries, base cookbooks.
  const int layer_starts[] = {0, regular / 10, regular * 4 / 10, regular * 8 / 10, regular};
  auto layer_of = [&](int i) {
    int l = 0;
    while (l < 3 && i >= layer_starts[l + 1]) ++l;
    return l;
  };

  // Each cookbook's dependency targets (one to three in lower layers), the same for all its
  // versions, plus a shared base cookbook half the time.
  std::vector<std::vector<int>> targets(static_cast<std::size_t>(spec.cookbooks));
  for (int i = 0; i < regular; ++i) {
    const int layer = layer_of(i);
    if (layer < 3) {
      const int count = pick(1, 3);
      for (int n = 0; n < count; ++n) {
        const int to_layer = std::min(3, layer + pick(1, 2));
        const int j = pick(layer_starts[to_layer], layer_starts[to_layer + 1] - 1);
        if (j > i && std::find(targets[i].begin(), targets[i].end(), j) == targets[i].end()) {
          targets[i].push_back(j);
        }
      }
    }
    if (shared > 0 && pick(0, 1) == 1) targets[i].push_back(regular + pick(0, shared - 1));
  }

  // With force_backtracking, the deepest regular cookbook the run list reaches also depends
  // on "late".
  int deepest = -1;
  if (spec.force_backtracking && shared > 0) {
    std::vector<char> reached(static_cast<std::size_t>(spec.cookbooks), 0);
    std::vector<int> stack;
    for (int i = 0; i < spec.run_list; ++i) stack.push_back(i);
    while (!stack.empty()) {
      const int i = stack.back();
      stack.pop_back();
      if (reached[i]) continue;
      reached[i] = 1;
      if (i < regular) deepest = std::max(deepest, i);
      for (int j : targets[i]) stack.push_back(j);
    }
  }

  // Each dependency keeps one style across its dependent's versions, as metadata.rb lines
  // do, while the version it asks for moves up with the dependent's version.
  enum class Style { at_least, same_major, same_minor, fixed_floor };
  std::vector<std::vector<Style>> styles(static_cast<std::size_t>(spec.cookbooks));
  for (int i = 0; i < spec.cookbooks; ++i) {
    for (std::size_t n = 0; n < targets[i].size(); ++n) {
      const int roll = pick(0, 9);
      styles[i].push_back(roll < 5   ? Style::at_least
                          : roll < 8 ? Style::same_major
                          : roll < 9 ? Style::same_minor
                                     : Style::fixed_floor);
    }
  }

  UniverseBuilder builder;
  for (int i = 0; i < spec.cookbooks; ++i) {
    for (int k = 0; k < spec.versions; ++k) {
      std::vector<Dependency> deps;
      for (std::size_t n = 0; n < targets[i].size(); ++n) {
        const int j = targets[i][n];
        const Version want = version_at(k * 2 / 3);  // dependencies lag behind dependents
        Constraint c{model::ConstraintOp::ge, want, true};
        switch (styles[i][n]) {
          case Style::at_least:
            break;
          case Style::same_major:  // "~> 2.0"
            c = Constraint{model::ConstraintOp::pessimistic, Version{want.major, 0, 0}, false};
            break;
          case Style::same_minor:  // "~> 2.1.0"
            c = Constraint{model::ConstraintOp::pessimistic, want, true};
            break;
          case Style::fixed_floor:
            c = Constraint{model::ConstraintOp::ge, Version{1, 0, 0}, true};
            break;
        }
        deps.push_back(Dependency{cookbook_name(j), c});
      }
      if (i == deepest) deps.push_back(Dependency{"late", model::kAnyVersion});
      builder.add(cookbook_name(i), version_at(k), std::move(deps));
    }
  }
  if (deepest >= 0) {
    for (int k = 0; k < 3; ++k) {
      builder.add(
          "late", version_at(k),
          {{cookbook_name(regular), Constraint{model::ConstraintOp::lt, Version{2, 0, 0}, true}}});
    }
  }

  GeneratedGraph g;
  g.universe = builder.build();
  for (int i = 0; i < spec.run_list; ++i) g.request.run_list.push_back(cookbook_name(i));
  return g;
}

}  // namespace proofbox::zero::depsolver::bench
