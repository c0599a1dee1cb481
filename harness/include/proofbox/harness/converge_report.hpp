#pragma once
// A converge run in the shared report model: one suite "converge" with a case per role (passed
// when its node converged, failed with the reason and the converge log's tail, skipped with why),
// then each verified node's functional suite.
#include "proofbox/harness/converge.hpp"
#include "proofbox/specs/report.hpp"

namespace proofbox::harness {

specs::Report converge_report(const RunResult& run);

// Appends `run`'s suites to `report` (for `proofbox test`: unit specs first, then these).
void append_converge_report(specs::Report& report, const RunResult& run);

}  // namespace proofbox::harness
