#pragma once
// What gate tests read off an analysis: one role's reasons, and every note as one text.
#include <string>
#include <vector>

#include "proofbox/specs/gate/gate.hpp"

namespace proofbox::specs::gate {

inline std::vector<std::string> reasons_of(const GateAnalysis& analysis, const std::string& role) {
  for (const auto& selected : analysis.selection.roles) {
    if (selected.name == role) return selected.reasons;
  }
  return {};
}

inline std::string all_notes(const GateAnalysis& analysis) {
  std::string text;
  for (const auto& note : analysis.selection.notes) text += note + "\n";
  return text;
}

}  // namespace proofbox::specs::gate
