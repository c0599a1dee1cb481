#include "proofbox/zero/model/cookbook_manifest.hpp"

#include <algorithm>

namespace proofbox::zero::model {
namespace {

// Calls `visit` on every object entry of every file array (segments and all_files).
template <typename J, typename F>
void for_each_file(J& cookbook, F&& visit) {
  if (!cookbook.is_object()) return;
  auto visit_array = [&](std::string_view key) {
    auto it = cookbook.find(key);
    if (it == cookbook.end() || !it->is_array()) return;
    for (auto& file : *it) {
      if (file.is_object()) visit(file);
    }
  };
  visit_array("all_files");
  for (std::string_view segment : kCookbookSegments) visit_array(segment);
}

}  // namespace

bool is_cookbook_segment(std::string_view key) noexcept {
  return std::find(kCookbookSegments.begin(), kCookbookSegments.end(), key) !=
         kCookbookSegments.end();
}

Json segments_to_all_files(Json cookbook) {
  if (!cookbook.is_object()) return cookbook;
  Json all = Json::array();
  if (auto it = cookbook.find("all_files"); it != cookbook.end() && it->is_array()) {
    all = std::move(*it);
  }
  for (std::string_view segment : kCookbookSegments) {
    auto it = cookbook.find(segment);
    if (it == cookbook.end()) continue;
    if (it->is_array()) {
      for (Json& file : *it) {
        if (file.is_object()) {
          if (auto name = file.find("name"); name != file.end() && name->is_string()) {
            *name = std::string(segment) + "/" + name->get<std::string>();
          }
        }
        all.push_back(std::move(file));
      }
    }
    cookbook.erase(it);
  }
  cookbook["all_files"] = std::move(all);
  return cookbook;
}

Json all_files_to_segments(Json cookbook) {
  if (!cookbook.is_object()) return cookbook;
  Json segments = Json::object();
  for (std::string_view segment : kCookbookSegments) {
    auto it = cookbook.find(segment);
    segments[std::string(segment)] =
        it != cookbook.end() && it->is_array() ? std::move(*it) : Json::array();
  }
  if (auto it = cookbook.find("all_files"); it != cookbook.end()) {
    if (it->is_array()) {
      for (Json& file : *it) {
        if (!file.is_object()) continue;
        auto name = file.find("name");
        if (name == file.end() || !name->is_string()) continue;
        const std::string full = name->get<std::string>();
        const auto slash = full.find('/');
        std::string segment = "root_files";
        if (slash != std::string::npos) {
          segment = full.substr(0, slash);
          *name = full.substr(slash + 1);
        }
        if (!is_cookbook_segment(segment)) continue;
        segments[segment].push_back(std::move(file));
      }
    }
    cookbook.erase(it);
  }
  for (auto& [segment, files] : segments.items()) cookbook[segment] = std::move(files);
  return cookbook;
}

void set_file_urls(Json& cookbook, const FileUrl& url) {
  for_each_file(cookbook, [&](Json& file) {
    auto checksum = file.find("checksum");
    if (checksum != file.end() && checksum->is_string()) {
      file["url"] = url(checksum->get_ref<const std::string&>());
    }
  });
}

void strip_file_urls(Json& cookbook) {
  for_each_file(cookbook, [](Json& file) { file.erase("url"); });
}

Json render_manifest(const Json& stored, int api_version, const FileUrl& url) {
  Json out =
      wants_all_files(api_version) ? segments_to_all_files(stored) : all_files_to_segments(stored);
  set_file_urls(out, url);
  return out;
}

std::vector<std::string> manifest_checksums(const Json& cookbook) {
  std::vector<std::string> out;
  for_each_file(cookbook, [&](const Json& file) {
    auto checksum = file.find("checksum");
    if (checksum != file.end() && checksum->is_string()) out.push_back(*checksum);
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> qualified_recipe_names(std::string_view cookbook_name,
                                                const Json& cookbook) {
  std::vector<std::string> out;
  auto add = [&](std::string_view file_name) {
    if (file_name.find('/') != std::string_view::npos || !file_name.ends_with(".rb")) return;
    file_name.remove_suffix(3);
    if (file_name.empty()) return;
    if (file_name == "default") {
      out.emplace_back(cookbook_name);
    } else {
      out.push_back(std::string(cookbook_name) + "::" + std::string(file_name));
    }
  };
  auto name_of = [](const Json& file) -> std::string_view {
    if (!file.is_object()) return {};
    auto name = file.find("name");
    return name != file.end() && name->is_string()
               ? std::string_view(name->get_ref<const std::string&>())
               : std::string_view();
  };
  if (!cookbook.is_object()) return out;
  if (auto all = cookbook.find("all_files"); all != cookbook.end() && all->is_array()) {
    for (const Json& file : *all) {
      std::string_view name = name_of(file);
      if (name.starts_with("recipes/")) add(name.substr(8));
    }
  }
  if (auto recipes = cookbook.find("recipes"); recipes != cookbook.end() && recipes->is_array()) {
    for (const Json& file : *recipes) add(name_of(file));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace proofbox::zero::model
