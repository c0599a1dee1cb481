#include "yaml_support.hpp"

#include <cctype>
#include <cstdlib>

namespace proofbox::harness::functional {

void Where::fail(const YAML::Node& node, const std::string& message) const {
  throw FunctionalSpecError(file + ":" + std::to_string(line(node)) + ": " + message);
}

YAML::Node load_yaml(const std::filesystem::path& file) {
  try {
    return YAML::LoadFile(file.string());
  } catch (const YAML::BadFile&) {
    throw FunctionalSpecError(file.string() + ":0: cannot read the file");
  } catch (const YAML::Exception& e) {
    throw FunctionalSpecError(file.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
}

std::string scalar(const Where& where, const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar()) where.fail(node, what + " must be a single value");
  return node.Scalar();
}

int integer(const Where& where, const YAML::Node& node, const std::string& what) {
  std::string text = scalar(where, node, what);
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0')
    where.fail(node, what + " must be a number, not \"" + text + "\"");
  return static_cast<int>(value);
}

bool boolean(const Where& where, const YAML::Node& node, const std::string& what) {
  std::string text = scalar(where, node, what);
  if (text == "true" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "no" || text == "off") return false;
  where.fail(node, what + " must be true or false, not \"" + text + "\"");
}

std::chrono::milliseconds parse_duration(const Where& where, const YAML::Node& node) {
  std::string text = scalar(where, node, "a duration");
  char* end = nullptr;
  double number = std::strtod(text.c_str(), &end);
  std::string unit = end ? std::string(end) : "";
  while (!unit.empty() && std::isspace(static_cast<unsigned char>(unit.front()))) unit.erase(0, 1);
  double factor = 0;
  if (unit.empty() || unit == "s") factor = 1000;
  if (unit == "ms") factor = 1;
  if (unit == "m" || unit == "min") factor = 60000;
  if (end == text.c_str() || factor == 0 || number < 0) {
    where.fail(node, "not a duration: \"" + text + "\" (write 30s, 500ms or 2m)");
  }
  return std::chrono::milliseconds(static_cast<long long>(number * factor));
}

namespace {

using Text = ::testing::Matcher<const std::string&>;

// Each value of a scalar-or-list node, as matchers made by `make`.
template <typename Make>
void each(const Where& where, const YAML::Node& node, std::vector<Text>& out, Make make) {
  if (node.IsSequence()) {
    for (const auto& item : node) out.push_back(make(scalar(where, item, "an expected text")));
  } else {
    out.push_back(make(scalar(where, node, "an expected text")));
  }
}

}  // namespace

::testing::Matcher<const std::string&> text_matcher(const Where& where, const YAML::Node& node,
                                                    TextDefault plain) {
  std::vector<Text> parts;
  auto contains = [](const std::string& s) -> Text { return ::testing::HasSubstr(s); };
  auto equals = [](const std::string& s) -> Text { return ::testing::Eq(s); };
  if (node.IsScalar() || node.IsSequence()) {
    if (plain == TextDefault::kContains) {
      each(where, node, parts, contains);
    } else {
      each(where, node, parts, equals);
    }
  } else if (node.IsMap()) {
    for (const auto& entry : node) {
      std::string key = entry.first.Scalar();
      if (key == "contains") {
        each(where, entry.second, parts, contains);
      } else if (key == "equals") {
        each(where, entry.second, parts, equals);
      } else if (key == "not-contains") {
        each(where, entry.second, parts,
             [](const std::string& s) -> Text { return ::testing::Not(::testing::HasSubstr(s)); });
      } else if (key == "matches") {
        each(where, entry.second, parts,
             [](const std::string& s) -> Text { return ::testing::ContainsRegex(s); });
      } else {
        where.fail(entry.first, "unknown text expectation \"" + key +
                                    "\" (use equals, contains, not-contains or matches)");
      }
    }
  }
  if (parts.empty()) where.fail(node, "an empty text expectation");
  return all_of(parts);
}

nlohmann::json to_json(const YAML::Node& node) {
  if (node.IsMap()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& entry : node) out[entry.first.Scalar()] = to_json(entry.second);
    return out;
  }
  if (node.IsSequence()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : node) out.push_back(to_json(item));
    return out;
  }
  if (!node.IsScalar()) return nullptr;
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return text;  // quoted: a string whatever it looks like
  if (text == "true") return true;
  if (text == "false") return false;
  if (text == "null" || text == "~") return nullptr;
  if (!text.empty()) {
    char* end = nullptr;
    long long integer = std::strtoll(text.c_str(), &end, 10);
    if (*end == '\0') return integer;
    double number = std::strtod(text.c_str(), &end);
    if (*end == '\0') return number;
  }
  return text;
}

}  // namespace proofbox::harness::functional
