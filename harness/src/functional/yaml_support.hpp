#pragma once
// What the functional-spec and smolder readers share: file:line errors, durations, text
// expectations as gmock matchers, YAML values as JSON.
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <string>

#include "proofbox/harness/functional_specs.hpp"

namespace proofbox::harness::functional {

// Where a YAML node sits, for messages and CaseResults.
struct Where {
  std::string file;
  int line(const YAML::Node& node) const { return node.Mark().line + 1; }
  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const;
};

// Parses the whole file; YAML syntax errors become FunctionalSpecError with file:line.
YAML::Node load_yaml(const std::filesystem::path& file);

// "30s", "500ms", "2m", "1.5s" or a bare number of seconds.
std::chrono::milliseconds parse_duration(const Where& where, const YAML::Node& node);

std::string scalar(const Where& where, const YAML::Node& node, const std::string& what);
int integer(const Where& where, const YAML::Node& node, const std::string& what);
bool boolean(const Where& where, const YAML::Node& node, const std::string& what);

enum class TextDefault { kContains, kEquals };
// A text expectation (see functional_specs.hpp) as a matcher.
::testing::Matcher<const std::string&> text_matcher(const Where& where, const YAML::Node& node,
                                                    TextDefault plain);

// AllOf over a list, without the extra parentheses when there is one.
template <typename T>
::testing::Matcher<T> all_of(const std::vector<::testing::Matcher<T>>& parts) {
  if (parts.size() == 1) return parts.front();
  return ::testing::AllOfArray(parts);
}

// A YAML value as JSON: plain scalars that read as numbers, booleans or null become those;
// quoted scalars stay strings.
nlohmann::json to_json(const YAML::Node& node);

}  // namespace proofbox::harness::functional
