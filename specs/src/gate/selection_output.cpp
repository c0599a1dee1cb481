#include "proofbox/specs/gate/selection_output.hpp"

#include <ostream>

namespace proofbox::specs::gate {

void write_role_list(std::ostream& out, const std::vector<SelectedRole>& roles) {
  for (const auto& role : roles) out << role.name << '\n';
}

void write_explanation(std::ostream& out, const GateAnalysis& analysis, const Shard& shard,
                       const std::vector<SelectedRole>& shard_roles) {
  const Selection& selection = analysis.selection;
  out << "Changes since " << analysis.base.ref << " (merge base "
      << analysis.base.merge_base.substr(0, 12) << "): " << analysis.paths.size() << " path"
      << (analysis.paths.size() == 1 ? "" : "s") << '\n';
  if (selection.roles.empty()) {
    out << "No role is affected.\n";
  } else {
    out << selection.roles.size() << " role" << (selection.roles.size() == 1 ? "" : "s")
        << " affected:\n";
    for (const auto& role : selection.roles) {
      out << "  " << role.name << '\n';
      for (const auto& reason : role.reasons) out << "    - " << reason << '\n';
    }
  }
  if (shard.count > 1) {
    out << "Shard " << shard.index << "/" << shard.count << " runs " << shard_roles.size() << ":";
    for (const auto& role : shard_roles) out << ' ' << role.name;
    out << '\n';
  }
  if (!selection.notes.empty()) {
    out << "Notes:\n";
    for (const auto& note : selection.notes) out << "  - " << note << '\n';
  }
}

Json selection_json(const GateAnalysis& analysis, const Shard& shard,
                    const std::vector<SelectedRole>& shard_roles) {
  Json changes = Json::array();
  for (const auto& change : analysis.selection.changes) {
    changes.push_back(
        {{"kind", to_string(change.kind)}, {"name", change.name}, {"paths", change.paths}});
  }
  Json roles = Json::array();
  for (const auto& role : analysis.selection.roles) {
    roles.push_back({{"name", role.name}, {"reasons", role.reasons}});
  }
  Json shard_names = Json::array();
  for (const auto& role : shard_roles) shard_names.push_back(role.name);
  return {{"base",
           {{"ref", analysis.base.ref},
            {"commit", analysis.base.commit},
            {"merge_base", analysis.base.merge_base}}},
          {"changes", changes},
          {"roles", roles},
          {"shard", {{"index", shard.index}, {"count", shard.count}, {"roles", shard_names}}},
          {"notes", analysis.selection.notes}};
}

}  // namespace proofbox::specs::gate
