#pragma once
// What converge, verify and test share: the report writer and one converge run with the
// signal watcher, the config and the runtime set up from the command's options.
#include <iosfwd>
#include <optional>

#include "proofbox/cli/harness_commands.hpp"
#include "proofbox/harness/converge.hpp"
#include "proofbox/specs/report.hpp"

namespace proofbox::cli {

// Writes the report as asked (stdout or --output); false (with a line on err) when it cannot.
bool emit_report(const specs::Report& report, const ReportOptions& options, std::ostream& out,
                 std::ostream& err);

// Runs one converge with `verify` (may be empty) and `default_keep`. Returns nullopt after
// writing a one-line reason to err when the run could not start (config, runtime, roles);
// `interrupted` is set when a signal stopped it.
std::optional<harness::RunResult> converge_once(const ConvergeCommandOptions& options,
                                                harness::KeepPolicy default_keep,
                                                harness::NodeVerifier verify, bool& interrupted,
                                                std::ostream& err);

}  // namespace proofbox::cli
