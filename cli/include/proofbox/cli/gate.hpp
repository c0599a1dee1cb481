#pragma once
// `proofbox gate [REPO] --base REF`: what a change can affect (specs/gate), then the specs for
// just that. Parsing lives in gate_command.cpp; this is the testable part.
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "proofbox/specs/report.hpp"

namespace proofbox::cli {

// What the run step needs: the repo, and the selected roles of this shard.
struct GateRunRequest {
  std::filesystem::path repo;
  std::vector<std::string> roles;
};

// Converges `request.roles` and runs their functional specs, appending the suites to `report`;
// the default is `proofbox test`'s run (containers removed afterwards). Tests inject their own.
using FunctionalRunner =
    std::function<void(const GateRunRequest& request, specs::Report& report, std::ostream& err)>;
void converge_and_verify(const GateRunRequest& request, specs::Report& report, std::ostream& err);

struct GateOptions {
  std::string repo = ".";
  std::string base;
  bool list = false;
  std::string shard;             // "I/N", empty: all
  std::string format = "human";  // human | json | junit | github
  std::string output;            // the report goes here instead of stdout
  std::string junit;             // also write the report as JUnit XML here
  FunctionalRunner functional = converge_and_verify;
};

// Runs the unit specs of the whole repo, then `functional` for the selected roles (when any),
// into one report.
specs::Report run_gate_specs(const GateRunRequest& request, const FunctionalRunner& functional,
                             std::ostream& err);

// Exit status: 0 all passed (or --list), 1 a spec failed, 2 usage or analysis error (one line
// on `err` starting "proofbox gate: ").
int run_gate(const GateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace proofbox::cli
