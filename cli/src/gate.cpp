#include "proofbox/cli/gate.hpp"

#include <fstream>
#include <iostream>

#include "proofbox/specs/gate/gate.hpp"
#include "proofbox/specs/gate/gate_error.hpp"
#include "proofbox/specs/gate/selection_output.hpp"
#include "proofbox/specs/gate/shard.hpp"
#include "proofbox/specs/github_annotations.hpp"

namespace proofbox::cli {
namespace {

namespace gate = specs::gate;

void write_formatted(std::ostream& out, const specs::Report& report, const std::string& format,
                     const std::string& prefix) {
  if (format == "github") {
    specs::write_report(out, report, specs::ReportFormat::kHuman);
    specs::write_github_annotations(out, report, prefix);
  } else {
    specs::write_report(out, report, specs::parse_report_format(format));
  }
}

}  // namespace

int run_gate(const GateOptions& options, std::ostream& out, std::ostream& err) {
  try {
    if (options.base.empty()) throw gate::GateError("--base REF is required");
    const gate::Shard shard =
        options.shard.empty() ? gate::Shard{} : gate::parse_shard(options.shard);
    const gate::GateAnalysis analysis = gate::analyze_change(options.repo, options.base);
    const auto mine = gate::shard_roles(analysis.selection.roles, shard);

    if (options.list) {
      if (options.format == "json") {
        out << gate::selection_json(analysis, shard, mine).dump(2) << '\n';
      } else {
        gate::write_role_list(out, mine);
      }
      return 0;
    }

    // The explanation goes where it does not spoil a machine-readable report.
    const bool report_on_stdout = options.output.empty();
    const bool machine = options.format == "json" || options.format == "junit";
    std::ostream& explain = report_on_stdout && machine ? err : out;
    gate::write_explanation(explain, analysis, shard, mine);

    GateRunRequest request{options.repo, {}};
    for (const auto& role : mine) request.roles.push_back(role.name);
    const specs::Report report = run_gate_specs(request, options.functional, err);
    if (report_on_stdout) {
      write_formatted(out, report, options.format, analysis.base.prefix);
    } else {
      std::ofstream file(options.output, std::ios::trunc);
      if (!file) throw gate::GateError("cannot write " + options.output);
      write_formatted(file, report, options.format, analysis.base.prefix);
    }
    if (!options.junit.empty()) {
      std::ofstream file(options.junit, std::ios::trunc);
      if (!file) throw gate::GateError("cannot write " + options.junit);
      specs::write_report(file, report, specs::ReportFormat::kJunit);
    }
    return report.passed() ? 0 : 1;
  } catch (const std::exception& e) {
    err << "proofbox gate: " << e.what() << '\n';
    return 2;
  }
}

}  // namespace proofbox::cli
