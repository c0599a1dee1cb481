#include <algorithm>

#include "proofbox/zero/depsolver/solve.hpp"

namespace proofbox::zero::depsolver {

std::optional<std::vector<RunListCookbook>> run_list_cookbooks(
    const std::vector<std::string>& run_list) {
  std::vector<RunListCookbook> out;
  out.reserve(run_list.size());
  for (const std::string& item : run_list) {
    std::string_view text = item;
    constexpr std::string_view kRecipe = "recipe[";
    if (text.starts_with(kRecipe) && text.ends_with("]")) {
      text = text.substr(kRecipe.size(), text.size() - kRecipe.size() - 1);
    }
    RunListCookbook entry;
    if (auto at = text.find('@'); at != std::string_view::npos) {
      entry.version_text = std::string(text.substr(at + 1));
      entry.version = model::parse_version(entry.version_text);
      if (!entry.version) return std::nullopt;
      text = text.substr(0, at);
    }
    entry.cookbook = std::string(text.substr(0, text.find("::")));
    if (std::find(out.begin(), out.end(), entry) == out.end()) out.push_back(std::move(entry));
  }
  return out;
}

EnvironmentPins environment_pins(const Json& cookbook_versions) {
  EnvironmentPins pins;
  if (!cookbook_versions.is_object()) return pins;
  for (const auto& [name, value] : cookbook_versions.items()) {
    if (!value.is_string()) continue;
    if (auto c = model::parse_constraint(value.get_ref<const std::string&>())) {
      pins.emplace_back(name, *c);
    }
  }
  return pins;
}

std::optional<Version> Solution::version_of(std::string_view name) const {
  for (const auto& c : cookbooks) {
    if (c.name == name) return c.version;
  }
  return std::nullopt;
}

}  // namespace proofbox::zero::depsolver
