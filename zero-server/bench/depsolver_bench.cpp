// Depsolver benchmarks: POST /environments/E/cookbook_versions without HTTP, on generated
// chef-repo-shaped universes (see depsolver_graphs.hpp).
//   build/zero-server/bench/depsolver_bench
// Targets: 50 cookbooks x 3 versions <= 0.5 ms; 500 x 10 with diamonds <= 20 ms per solve.
#include <benchmark/benchmark.h>

#include <stdexcept>

#include "depsolver_graphs.hpp"

namespace proofbox::zero::depsolver::bench {
namespace {

void run_solve(benchmark::State& state, const GraphSpec& spec) {
  const GeneratedGraph g = generate_graph(spec);
  std::uint64_t steps = 0;
  std::size_t solved = 0;
  for (auto _ : state) {
    Result r = solve(g.universe, g.request);
    const auto* solution = std::get_if<Solution>(&r);
    if (solution == nullptr) {
      state.SkipWithError("generated run list did not solve");
      return;
    }
    steps = solution->steps;
    solved = solution->cookbooks.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["cookbooks_in_solution"] = static_cast<double>(solved);
  state.counters["version_tries"] = static_cast<double>(steps);
}

void BM_Solve_50x3(benchmark::State& state) {
  run_solve(state, GraphSpec{50, 3, 5, false, 42});
}
BENCHMARK(BM_Solve_50x3)->Unit(benchmark::kMicrosecond);

void BM_Solve_50x3_Backtracking(benchmark::State& state) {
  run_solve(state, GraphSpec{50, 3, 5, true, 42});
}
BENCHMARK(BM_Solve_50x3_Backtracking)->Unit(benchmark::kMicrosecond);

void BM_Solve_500x10_Diamonds(benchmark::State& state) {
  run_solve(state, GraphSpec{500, 10, 10, false, 7});
}
BENCHMARK(BM_Solve_500x10_Diamonds)->Unit(benchmark::kMillisecond);

void BM_Solve_500x10_Backtracking(benchmark::State& state) {
  run_solve(state, GraphSpec{500, 10, 10, true, 7});
}
BENCHMARK(BM_Solve_500x10_Backtracking)->Unit(benchmark::kMillisecond);

// The failure path: the same graph with "late" asking for a shared cookbook below 1.0, which
// does not exist, so the solver proves there is no answer and builds the 412 explanation.
void BM_Explain_500x10_Unsatisfiable(benchmark::State& state) {
  GeneratedGraph g = generate_graph(GraphSpec{500, 10, 10, true, 7});
  g.request.environment.emplace_back("late",
                                     Constraint{model::ConstraintOp::gt, Version{99, 0, 0}, true});
  for (auto _ : state) {
    Result r = solve(g.universe, g.request);
    if (!std::holds_alternative<Failure>(r)) {
      state.SkipWithError("expected a failure");
      return;
    }
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Explain_500x10_Unsatisfiable)->Unit(benchmark::kMillisecond);

// Building the universe (done once per change of the org's cookbooks, not per solve).
void BM_BuildUniverse_500x10(benchmark::State& state) {
  for (auto _ : state) {
    GeneratedGraph g = generate_graph(GraphSpec{500, 10, 10, false, 7});
    benchmark::DoNotOptimize(g);
  }
}
BENCHMARK(BM_BuildUniverse_500x10)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace proofbox::zero::depsolver::bench
