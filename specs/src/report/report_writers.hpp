#pragma once
// The three renderers behind write_report, one file each.
#include <iosfwd>

#include "proofbox/specs/report.hpp"

namespace proofbox::specs::detail {

void write_human(std::ostream& out, const Report& report);
void write_json(std::ostream& out, const Report& report);
void write_junit(std::ostream& out, const Report& report);
const char* outcome_name(Outcome outcome);  // "passed", "failed", "error", "skipped"

}  // namespace proofbox::specs::detail
