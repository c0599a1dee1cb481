#pragma once
// The options converge, verify and test share on the command line.
#include <CLI/CLI.hpp>

#include "proofbox/cli/harness_commands.hpp"

namespace proofbox::cli {

void add_report_options(CLI::App& command, ReportOptions& options);
void add_run_options(CLI::App& command, ConvergeCommandOptions& options,
                     const std::string& keep_default);

}  // namespace proofbox::cli
