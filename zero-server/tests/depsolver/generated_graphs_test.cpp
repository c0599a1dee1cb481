// Checks the solver against the dependency rules on the benchmark's generated universes, and
// against a plain chronological backtracker (chef-zero's algorithm, same cookbook and version
// order) on many small random universes: same answer, or both find none.
#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <optional>
#include <random>

#include "../../bench/depsolver_graphs.hpp"
#include "depsolver_test_support.hpp"

namespace proofbox::zero::depsolver {
namespace {

// True when every chosen version's dependencies are met by the chosen set, every run-list
// cookbook and every pin is honoured, and nothing unneeded is included.
void expect_consistent(const Universe& u, const Request& request, const Solution& solution) {
  std::map<std::string, Version> chosen;
  for (const auto& c : solution.cookbooks) {
    EXPECT_TRUE(chosen.emplace(c.name, c.version).second) << "twice: " << c.name;
  }
  const auto items = run_list_cookbooks(request.run_list);
  ASSERT_TRUE(items);
  std::map<std::string, int> needed;
  for (const auto& item : *items) {
    needed[item.cookbook] = 1;
    ASSERT_TRUE(chosen.contains(item.cookbook)) << item.cookbook;
    if (item.version) {
      EXPECT_EQ(chosen.at(item.cookbook), *item.version);
    }
  }
  for (const auto& [name, pin] : request.environment) {
    if (chosen.contains(name)) {
      EXPECT_TRUE(pin.satisfied_by(chosen.at(name))) << name;
    }
  }
  for (const auto& [name, version] : chosen) {
    const auto id = *u.find(name);
    const auto index = u.index_of(id, version);
    ASSERT_TRUE(index) << name;
    auto [e, end] = u.edges(id, *index);
    for (; e != end; ++e) {
      const std::string& dep = u.cookbook(e->target).name;
      needed[dep] = 1;
      ASSERT_TRUE(chosen.contains(dep)) << name << " needs " << dep;
      EXPECT_TRUE(e->constraint.satisfied_by(chosen.at(dep)))
          << name << " " << model::to_string(version) << " needs " << dep << " "
          << model::to_string(e->constraint) << ", got " << model::to_string(chosen.at(dep));
    }
  }
  EXPECT_EQ(needed.size(), chosen.size());
}

TEST(GeneratedGraphs, BenchmarkUniversesSolveConsistently) {
  for (const auto& spec :
       {bench::GraphSpec{50, 3, 5, false, 42}, bench::GraphSpec{50, 3, 5, true, 42},
        bench::GraphSpec{500, 10, 10, false, 7}, bench::GraphSpec{500, 10, 10, true, 7}}) {
    const auto g = bench::generate_graph(spec);
    auto result = solve(g.universe, g.request);
    ASSERT_TRUE(std::holds_alternative<Solution>(result))
        << spec.cookbooks << "x" << spec.versions << " " << std::get<Failure>(result).body.dump();
    const auto& solution = std::get<Solution>(result);
    expect_consistent(g.universe, g.request, solution);
    if (spec.force_backtracking) {
      // The newest versions had to be given up for "late".
      EXPECT_TRUE(solution.version_of("late"));
      EXPECT_LT(*solution.version_of(bench::cookbook_name(spec.cookbooks - 5)), (Version{2, 0, 0}));
    }
  }
}

// chef-zero's depsolver: run-list cookbooks then dependencies in discovery order, newest
// first, chronological backtracking with copied state.
struct Reference {
  const Universe& u;
  std::vector<std::pair<Universe::Id, std::uint32_t>> answer;

  bool run(std::deque<Universe::Id> queue, std::map<Universe::Id, VersionRange> domains,
           std::map<Universe::Id, std::uint32_t> assigned) {
    while (!queue.empty() && assigned.contains(queue.front())) queue.pop_front();
    if (queue.empty()) {
      answer.assign(assigned.begin(), assigned.end());
      return true;
    }
    const Universe::Id y = queue.front();
    const VersionRange d = domains.at(y);
    for (std::uint32_t v = d.hi; v-- > d.lo;) {
      auto q = queue;
      auto ds = domains;
      auto as = assigned;
      as[y] = v;
      bool ok = true;
      auto [e, end] = u.edges(y, v);
      for (; e != end && ok; ++e) {
        if (as.contains(e->target)) {
          ok = e->matching.contains(as.at(e->target));
          continue;
        }
        if (!ds.contains(e->target)) {
          ds[e->target] = {0, u.cookbook(e->target).version_count};
          q.push_back(e->target);
        }
        ds[e->target] = ds[e->target].intersect(e->matching);
        ok = !ds[e->target].empty();
      }
      if (ok && run(q, ds, as)) return true;
    }
    return false;
  }
};

TEST(GeneratedGraphs, MatchesAChronologicalBacktrackerOnSmallRandomUniverses) {
  std::mt19937 rng(1234);
  auto pick = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const char* ops[] = {">= ", "< ", "= ", "~> ", "> ", "<= "};
  int solvable = 0;
  for (int round = 0; round < 400; ++round) {
    const int n = pick(2, 6);
    UniverseBuilder b;
    for (int c = 0; c < n; ++c) {
      const int versions = pick(1, 4);
      for (int k = 0; k < versions; ++k) {
        std::vector<std::pair<std::string, std::string>> deps;
        const int dep_count = pick(0, 2);
        for (int d = 0; d < dep_count; ++d) {
          const int target = pick(0, n);  // n: a cookbook nobody holds
          std::string text = ops[pick(0, 5)];
          text += std::to_string(pick(1, 3)) + "." + std::to_string(pick(0, 2));
          deps.push_back({"c" + std::to_string(target), text});
        }
        b.add("c" + std::to_string(c), std::to_string(k / 2 + 1) + "." + std::to_string(k % 2),
              deps);
      }
    }
    Universe u = b.build();
    std::vector<std::string> run_list = {"c0"};
    if (pick(0, 1) == 1) run_list.push_back("c" + std::to_string(pick(1, n - 1)));
    auto items = run_list_cookbooks(run_list);

    Reference ref{u, {}};
    std::deque<Universe::Id> queue;
    std::map<Universe::Id, VersionRange> domains;
    for (const auto& item : *items) {
      const auto id = *u.find(item.cookbook);
      if (!domains.contains(id)) queue.push_back(id);
      domains[id] = {0, u.cookbook(id).version_count};
    }
    const bool ref_solved = ref.run(queue, domains, {});
    auto result = solve(u, testing::request(run_list));
    ASSERT_EQ(ref_solved, std::holds_alternative<Solution>(result)) << "round " << round;
    if (!ref_solved) {
      EXPECT_EQ(std::get<Failure>(result).status, 412);
      continue;
    }
    ++solvable;
    std::map<std::string, Version> expected;
    for (auto [id, v] : ref.answer) expected[u.cookbook(id).name] = u.version(id, v).version;
    std::map<std::string, Version> actual;
    for (const auto& c : std::get<Solution>(result).cookbooks) actual[c.name] = c.version;
    EXPECT_EQ(actual, expected) << "round " << round;
    expect_consistent(u, testing::request(run_list), std::get<Solution>(result));
  }
  EXPECT_GT(solvable, 100);
}

}  // namespace
}  // namespace proofbox::zero::depsolver
