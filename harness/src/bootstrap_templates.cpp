// The shipped bootstrap templates and the stand-in agent, from the files compiled into the
// binary (embedded_files.hpp), and user templates from disk.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "embedded_files.hpp"
#include "proofbox/harness/bootstrap.hpp"

namespace proofbox::harness {
namespace {

constexpr std::string_view kTemplatePrefix = "templates/";
constexpr std::string_view kTemplateSuffix = ".sh.mustache";

std::optional<std::string_view> find_embedded(std::string_view name) {
  for (const auto& file : embedded::files()) {
    if (file.name == name) return file.text;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> shipped_bootstrap_templates() {
  std::vector<std::string> names;
  for (const auto& file : embedded::files()) {
    if (file.name.starts_with(kTemplatePrefix) && file.name.ends_with(kTemplateSuffix)) {
      std::string_view name = file.name;
      name.remove_prefix(kTemplatePrefix.size());
      name.remove_suffix(kTemplateSuffix.size());
      names.emplace_back(name);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string load_bootstrap_template(const std::string& name_or_path) {
  if (auto text = find_embedded(std::string(kTemplatePrefix) + name_or_path +
                                std::string(kTemplateSuffix))) {
    return std::string(*text);
  }
  std::ifstream in(name_or_path, std::ios::binary);
  if (!in) {
    std::string shipped;
    for (const auto& name : shipped_bootstrap_templates()) {
      shipped += (shipped.empty() ? "" : ", ") + name;
    }
    throw BootstrapError("bootstrap template '" + name_or_path +
                         "' is neither a shipped template (" + shipped + ") nor a readable file");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string_view proofbox_agent_script() {
  auto text = find_embedded("agent/proofbox-agent");
  if (!text) throw BootstrapError("the stand-in agent was not compiled into this binary");
  return *text;
}

}  // namespace proofbox::harness
