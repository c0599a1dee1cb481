#include "proofbox/backup/repo/cookbook_metadata.hpp"

#include <cctype>
#include <string_view>

#include "proofbox/backup/repo/repo_error.hpp"
#include "proofbox/backup/repo/ruby_dsl.hpp"

namespace proofbox::backup::repo {
namespace {

bool numeric(std::string_view part) {
  if (part.empty()) return false;
  for (char c : part) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "x.y" or "x.y.z" -> "x.y.z" (Chef::Version), else empty.
std::string normalized_version(std::string_view text) {
  std::vector<std::string> parts;
  while (true) {
    const auto dot = text.find('.');
    const auto part = text.substr(0, dot);
    if (!numeric(part)) return {};
    parts.push_back(std::to_string(std::stoull(std::string(part))));
    if (dot == std::string_view::npos) break;
    text.remove_prefix(dot + 1);
  }
  if (parts.size() == 2) parts.emplace_back("0");
  if (parts.size() != 3) return {};
  return parts[0] + "." + parts[1] + "." + parts[2];
}

[[noreturn]] void bad_field(const std::filesystem::path& file, const std::string& field,
                            const std::string& expected) {
  throw RepoError(file, 0, "metadata field '" + field + "' must be " + expected);
}

// dependencies/platforms/providing: name -> constraint string (a list means its first item).
Json constraint_map(const Json& value, const std::filesystem::path& file,
                    const std::string& field) {
  if (!value.is_object()) bad_field(file, field, "an object");
  Json out = Json::object();
  for (const auto& [name, constraint] : value.items()) {
    if (constraint.is_string()) {
      out[name] = constraint;
    } else if (constraint.is_array() && constraint.empty()) {
      out[name] = ">= 0.0.0";
    } else if (constraint.is_array() && constraint.front().is_string()) {
      out[name] = constraint.front();
    } else {
      bad_field(file, field + "." + name, "a version constraint string");
    }
  }
  return out;
}

}  // namespace

Json default_metadata() {
  return Json{{"name", nullptr},
              {"description", ""},
              {"long_description", ""},
              {"maintainer", ""},
              {"maintainer_email", ""},
              {"license", "All rights reserved"},
              {"platforms", Json::object()},
              {"dependencies", Json::object()},
              {"providing", Json::object()},
              {"recipes", Json::object()},
              {"version", "0.0.0"},
              {"source_url", ""},
              {"issues_url", ""},
              {"privacy", false},
              {"chef_versions", Json::array()},
              {"ohai_versions", Json::array()},
              {"gems", Json::array()},
              {"eager_load_libraries", true}};
}

Json metadata_from_ruby(const std::filesystem::path& file) {
  Json declared = evaluate_ruby_dsl(file, DslKind::metadata);
  Json out = default_metadata();
  for (auto& [key, value] : declared.items()) out[key] = std::move(value);
  return out;
}

Json metadata_from_json(const Json& document, const std::filesystem::path& file) {
  if (!document.is_object()) throw RepoError(file, 1, "expected a JSON object");
  Json out = default_metadata();
  for (const char* field : {"name", "description", "long_description", "maintainer",
                            "maintainer_email", "license", "source_url", "issues_url"}) {
    if (!document.contains(field) || document[field].is_null()) continue;
    if (!document[field].is_string()) bad_field(file, field, "a string");
    out[field] = document[field];
  }
  if (document.contains("version")) {
    const auto& version = document["version"];
    const std::string normal =
        version.is_string() ? normalized_version(version.get<std::string>()) : std::string();
    if (normal.empty()) bad_field(file, "version", "\"x.y.z\" or \"x.y\"");
    out["version"] = normal;
  }
  for (const char* field : {"dependencies", "platforms", "providing"}) {
    if (document.contains(field)) out[field] = constraint_map(document[field], file, field);
  }
  if (document.contains("recipes")) {
    if (!document["recipes"].is_object()) bad_field(file, "recipes", "an object");
    out["recipes"] = document["recipes"];
  }
  for (const char* field : {"chef_versions", "ohai_versions", "gems"}) {
    if (!document.contains(field)) continue;
    if (!document[field].is_array()) bad_field(file, field, "an array");
    out[field] = document[field];
  }
  if (document.contains("privacy")) {
    if (!document["privacy"].is_boolean()) bad_field(file, "privacy", "true or false");
    out["privacy"] = document["privacy"];
  }
  if (document.contains("eager_load_libraries")) {
    const auto& eager = document["eager_load_libraries"];
    if (!eager.is_boolean() && !eager.is_string() && !eager.is_array()) {
      bad_field(file, "eager_load_libraries", "true, false, a string or an array");
    }
    out["eager_load_libraries"] = eager;
  }
  return out;
}

void add_recipes(Json& metadata, const std::vector<std::string>& recipe_stems) {
  const std::string cookbook = metadata.value("name", std::string());
  for (const auto& stem : recipe_stems) {
    const std::string recipe = stem == "default" ? cookbook : cookbook + "::" + stem;
    if (!metadata["recipes"].contains(recipe)) metadata["recipes"][recipe] = "";
    metadata["providing"][recipe] = ">= 0.0.0";
  }
}

}  // namespace proofbox::backup::repo
