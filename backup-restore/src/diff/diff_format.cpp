// The two renderings of a DiffResult: lines for people and a JSON document for tools.
#include "proofbox/backup/diff.hpp"

namespace proofbox::backup {

std::string format_diff_human(const DiffResult& diff, const std::string& a_label,
                              const std::string& b_label) {
  std::string out;
  std::size_t kinds_differing = 0;
  for (const auto& kind : diff.kinds) {
    if (kind.empty()) continue;
    ++kinds_differing;
    out += kind.kind + ": " + std::to_string(kind.only_in_a.size()) + " only in A, " +
           std::to_string(kind.only_in_b.size()) + " only in B, " +
           std::to_string(kind.changed.size()) + " changed\n";
    for (const auto& name : kind.only_in_a) out += "  - " + name + "\n";
    for (const auto& name : kind.only_in_b) out += "  + " + name + "\n";
    for (const auto& change : kind.changed) {
      out += "  ~ " + change.name + ":";
      for (std::size_t i = 0; i < change.differences.size(); ++i) {
        out += (i ? ", " : " ") + change.differences[i];
      }
      if (change.differences.size() >= kMaxDifferences) out += ", ...";
      out += "\n";
    }
  }
  if (!diff.not_compared.empty()) {
    out += "not compared (not described by both sides):";
    for (const auto& kind : diff.not_compared) out += " " + kind;
    out += "\n";
  }
  out += "A = " + a_label + "\nB = " + b_label + "\n";
  if (diff.same()) {
    out += "same: no differences\n";
  } else {
    out += "differ: " + std::to_string(diff.difference_count()) + " difference" +
           (diff.difference_count() == 1 ? "" : "s") + " in " + std::to_string(kinds_differing) +
           " kind" + (kinds_differing == 1 ? "" : "s") + "\n";
  }
  return out;
}

Json format_diff_json(const DiffResult& diff, const std::string& a_label,
                      const std::string& b_label) {
  Json kinds = Json::object();
  for (const auto& kind : diff.kinds) {
    if (kind.empty()) continue;
    Json changed = Json::object();
    for (const auto& change : kind.changed) changed[change.name] = change.differences;
    kinds[kind.kind] = {
        {"only_in_a", kind.only_in_a}, {"only_in_b", kind.only_in_b}, {"changed", changed}};
  }
  return Json{{"same", diff.same()}, {"a", a_label},
              {"b", b_label},        {"differences", diff.difference_count()},
              {"kinds", kinds},      {"not_compared", diff.not_compared}};
}

}  // namespace proofbox::backup
