#include "proofbox/zero/model/cookbook_artifact.hpp"

#include <algorithm>
#include <map>

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/errors.hpp"
#include "proofbox/zero/model/fields.hpp"
#include "proofbox/zero/model/names.hpp"

namespace proofbox::zero::model {
namespace {

constexpr std::string_view kAllFiles = "all_files";

// A required string field that must match `kind`'s rule.
void require_named_field(const Json& body, std::string_view key, NameKind kind) {
  const Json* v = find_field(body, key);
  if (v == nullptr) throw field_missing(key);
  if (!v->is_string() || !valid_name(kind, v->get_ref<const std::string&>())) {
    throw field_invalid(key);
  }
}

void check_url_match(const Json& body, std::string_view key, std::string_view url_value) {
  const std::string& value = body[std::string(key)].get_ref<const std::string&>();
  if (value != url_value) throw field_mismatch(key, url_value, value);
}

// A file list must be an array of objects each naming its checksum.
void check_file_list(const Json& body, std::string_view key) {
  const Json* list = find_field(body, key);
  if (list == nullptr) return;
  if (!list->is_array()) throw field_invalid(key);
  for (const Json& file : *list) {
    const Json* checksum = find_field(file, "checksum");
    if (checksum == nullptr || !checksum->is_string()) {
      std::string m = "Invalid element in array value of '";
      m.append(key).append("'.");
      throw ChefError(400, std::move(m));
    }
  }
}

void add_urls(Json& list, const FileUrl& url) {
  if (!list.is_array()) return;
  for (Json& file : list) {
    const Json* checksum = find_field(file, "checksum");
    if (checksum != nullptr && checksum->is_string()) {
      file["url"] = url(checksum->get_ref<const std::string&>());
    }
  }
}

}  // namespace

const std::vector<std::string>& cookbook_segments() {
  static const std::vector<std::string> segments = {"attributes", "definitions", "files",
                                                    "libraries",  "providers",   "recipes",
                                                    "resources",  "root_files",  "templates"};
  return segments;
}

void validate_cookbook_artifact(const Json& body, std::string_view url_name,
                                std::string_view url_identifier) {
  require_object_body(body);
  require_named_field(body, "name", NameKind::cookbook);
  require_named_field(body, "identifier", NameKind::policy);
  check_url_match(body, "name", url_name);
  check_url_match(body, "identifier", url_identifier);
  check_file_list(body, kAllFiles);
  for (const std::string& segment : cookbook_segments()) check_file_list(body, segment);
}

std::vector<std::string> cookbook_artifact_checksums(const Json& artifact) {
  std::vector<std::string> out;
  auto collect = [&](std::string_view key) {
    const Json* list = find_field(artifact, key);
    if (list == nullptr || !list->is_array()) return;
    for (const Json& file : *list) {
      const Json* checksum = find_field(file, "checksum");
      if (checksum != nullptr && checksum->is_string()) out.push_back(checksum->get<std::string>());
    }
  };
  collect(kAllFiles);
  for (const std::string& segment : cookbook_segments()) collect(segment);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Json to_all_files(Json cookbook) {
  if (!cookbook.is_object() || cookbook.contains(kAllFiles)) return cookbook;
  Json all = Json::array();
  for (const std::string& segment : cookbook_segments()) {
    auto it = cookbook.find(segment);
    if (it == cookbook.end()) continue;
    if (it->is_array()) {
      for (Json file : *it) {
        if (file.is_object() && file.contains("name") && file["name"].is_string()) {
          file["name"] = segment + "/" + file["name"].get<std::string>();
        }
        all.push_back(std::move(file));
      }
    }
    cookbook.erase(it);
  }
  cookbook[std::string(kAllFiles)] = std::move(all);
  return cookbook;
}

Json to_segments(Json cookbook) {
  if (!cookbook.is_object()) return cookbook;
  auto all = cookbook.find(kAllFiles);
  if (all == cookbook.end()) return cookbook;
  std::map<std::string, Json, std::less<>> by_segment;
  for (const std::string& segment : cookbook_segments()) by_segment[segment] = Json::array();
  if (all->is_array()) {
    for (Json file : *all) {
      const Json* name = find_field(file, "name");
      if (name == nullptr || !name->is_string()) continue;
      const std::string full = name->get<std::string>();
      const std::size_t slash = full.find('/');
      std::string segment = "root_files";
      if (slash != std::string::npos) {
        segment = full.substr(0, slash);
        file["name"] = full.substr(slash + 1);
      }
      auto it = by_segment.find(segment);
      if (it != by_segment.end()) it->second.push_back(std::move(file));
    }
  }
  cookbook.erase(all);
  for (auto& [segment, files] : by_segment) cookbook[segment] = std::move(files);
  return cookbook;
}

Json cookbook_artifact_response(Json artifact, int api_version, const FileUrl& url) {
  artifact =
      api_version >= 2 ? to_all_files(std::move(artifact)) : to_segments(std::move(artifact));
  if (!artifact.is_object()) return artifact;
  artifact.erase("json_class");
  if (api_version >= 2) {
    add_urls(artifact[std::string(kAllFiles)], url);
  } else {
    for (const std::string& segment : cookbook_segments()) {
      auto it = artifact.find(segment);
      if (it != artifact.end()) add_urls(*it, url);
    }
  }
  return artifact;
}

}  // namespace proofbox::zero::model
