#include "proofbox/zero/model/run_list.hpp"

#include <unordered_set>

#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/names.hpp"

namespace proofbox::zero::model {
namespace {

constexpr std::string_view kRecipePrefix = "recipe[";
constexpr std::string_view kRolePrefix = "role[";

bool is_name_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

// NAME = [.[:alnum:]_-]+ (ASCII)
bool is_name(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_name_char(c)) return false;
  }
  return true;
}

// [[:digit:]]+(\.[[:digit:]]+){1,2}; no range limit (the run list regex has none).
bool is_run_list_version(std::string_view s) noexcept {
  int groups = 0;
  std::size_t i = 0;
  while (true) {
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
    ++groups;
    if (i == s.size()) break;
    if (s[i] != '.') return false;
    ++i;
  }
  return groups == 2 || groups == 3;
}

// (NAME::)?NAME(@VERSION)?  -> fills name/version.
bool parse_versioned_recipe(std::string_view s, RunListItem& out) {
  std::string_view name = s;
  std::optional<std::string> version;
  if (const auto at = s.find('@'); at != std::string_view::npos) {
    name = s.substr(0, at);
    const std::string_view v = s.substr(at + 1);
    if (!is_run_list_version(v)) return false;
    version = std::string(v);
  }
  if (const auto sep = name.find("::"); sep != std::string_view::npos) {
    if (!is_name(name.substr(0, sep)) || !is_name(name.substr(sep + 2))) return false;
  } else if (!is_name(name)) {
    return false;
  }
  out.type = RunListItemType::recipe;
  out.name = std::string(name);
  out.version = std::move(version);
  return true;
}

}  // namespace

std::string_view RunListItem::cookbook() const noexcept {
  std::string_view n = name;
  if (is_role()) return n;
  const auto sep = n.find("::");
  return sep == std::string_view::npos ? n : n.substr(0, sep);
}

std::string_view RunListItem::recipe() const noexcept {
  if (is_role()) return {};
  std::string_view n = name;
  const auto sep = n.find("::");
  return sep == std::string_view::npos ? std::string_view("default") : n.substr(sep + 2);
}

std::string RunListItem::to_string() const {
  std::string s = is_role() ? std::string(kRolePrefix) : std::string(kRecipePrefix);
  s.append(name);
  if (version) s.append("@").append(*version);
  s.push_back(']');
  return s;
}

std::optional<RunListItem> parse_run_list_item(std::string_view text) {
  RunListItem item;
  if (text.starts_with(kRecipePrefix)) {
    if (!text.ends_with(']') || text.size() < kRecipePrefix.size() + 1) return std::nullopt;
    const std::string_view inner =
        text.substr(kRecipePrefix.size(), text.size() - kRecipePrefix.size() - 1);
    if (!parse_versioned_recipe(inner, item)) return std::nullopt;
    return item;
  }
  if (text.starts_with(kRolePrefix)) {
    if (!text.ends_with(']') || text.size() < kRolePrefix.size() + 1) return std::nullopt;
    const std::string_view inner =
        text.substr(kRolePrefix.size(), text.size() - kRolePrefix.size() - 1);
    if (!is_name(inner)) return std::nullopt;
    item.type = RunListItemType::role;
    item.name = std::string(inner);
    return item;
  }
  if (!parse_versioned_recipe(text, item)) return std::nullopt;
  return item;
}

bool valid_run_list_item(std::string_view text) noexcept {
  // parse_run_list_item allocates only for the item it returns; validity needs no strings.
  if (text.starts_with(kRecipePrefix) || text.starts_with(kRolePrefix)) {
    const bool role = text.starts_with(kRolePrefix);
    const std::size_t prefix = role ? kRolePrefix.size() : kRecipePrefix.size();
    if (!text.ends_with(']') || text.size() < prefix + 1) return false;
    text = text.substr(prefix, text.size() - prefix - 1);
    if (role) return is_name(text);
  }
  std::string_view name = text;
  if (const auto at = text.find('@'); at != std::string_view::npos) {
    name = text.substr(0, at);
    if (!is_run_list_version(text.substr(at + 1))) return false;
  }
  if (const auto sep = name.find("::"); sep != std::string_view::npos) {
    return is_name(name.substr(0, sep)) && is_name(name.substr(sep + 2));
  }
  return is_name(name);
}

std::string normalize_run_list_item(std::string_view text, std::string_view field) {
  if (!valid_run_list_item(text)) throw field_not_run_list(field);
  if (text.starts_with(kRecipePrefix) || text.starts_with(kRolePrefix)) return std::string(text);
  std::string s(kRecipePrefix);
  s.append(text).push_back(']');
  return s;
}

Json normalize_run_list(const Json& run_list, std::string_view field) {
  if (!run_list.is_array()) throw field_not_run_list(field);
  Json out = Json::array();
  std::unordered_set<std::string> seen;
  seen.reserve(run_list.size());
  for (const auto& entry : run_list) {
    if (!entry.is_string()) throw field_not_run_list(field);
    std::string item = normalize_run_list_item(entry.get_ref<const std::string&>(), field);
    if (seen.insert(item).second) out.push_back(std::move(item));
  }
  return out;
}

std::vector<RunListItem> parse_run_list(const Json& run_list, std::string_view field) {
  const Json normalized = normalize_run_list(run_list, field);
  std::vector<RunListItem> items;
  items.reserve(normalized.size());
  for (const auto& entry : normalized) {
    items.push_back(*parse_run_list_item(entry.get_ref<const std::string&>()));
  }
  return items;
}

Json normalize_env_run_lists(const Json& env_run_lists, std::string_view field) {
  if (!env_run_lists.is_object()) throw field_invalid_run_lists(field);
  Json out = Json::object();
  for (const auto& [env, run_list] : env_run_lists.items()) {
    if (!valid_name(NameKind::environment, env)) throw invalid_map_key(env, field);
    try {
      out[env] = normalize_run_list(run_list, field);
    } catch (const ChefError&) {
      throw field_invalid_run_lists(field);
    }
  }
  return out;
}

namespace {

std::vector<std::string> bracket_contents(const Json& run_list, std::string_view prefix) {
  std::vector<std::string> out;
  if (!run_list.is_array()) return out;
  for (const auto& entry : run_list) {
    if (!entry.is_string()) continue;
    const std::string& s = entry.get_ref<const std::string&>();
    const std::string_view v = s;
    if (v.starts_with(prefix) && v.ends_with(']') && v.size() > prefix.size()) {
      out.emplace_back(v.substr(prefix.size(), v.size() - prefix.size() - 1));
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> run_list_recipes(const Json& normalized_run_list) {
  return bracket_contents(normalized_run_list, kRecipePrefix);
}

std::vector<std::string> run_list_roles(const Json& normalized_run_list) {
  return bracket_contents(normalized_run_list, kRolePrefix);
}

}  // namespace proofbox::zero::model
