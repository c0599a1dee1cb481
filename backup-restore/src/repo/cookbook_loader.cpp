#include "proofbox/backup/repo/cookbook_loader.hpp"

#include <algorithm>
#include <vector>

#include "proofbox/backup/repo/chefignore.hpp"
#include "proofbox/backup/repo/cookbook_manifest.hpp"
#include "proofbox/backup/repo/cookbook_metadata.hpp"
#include "proofbox/backup/repo/json_file.hpp"
#include "proofbox/backup/repo/repo_error.hpp"

namespace proofbox::backup::repo {
namespace {

constexpr std::string_view kUploadedVersionFile = ".uploaded-cookbook-version.json";

struct CookbookFile {
  std::string relative;  // "/"-separated, relative to the cookbook
  std::filesystem::path full;
};

void collect_files(const std::filesystem::path& dir, const std::string& prefix, RepoRoot& root,
                   std::vector<CookbookFile>& out) {
  for (const auto& entry : root.entries(dir)) {
    const std::string name = entry.filename().string();
    const std::string relative = prefix.empty() ? name : prefix + "/" + name;
    std::error_code ec;
    const bool link = std::filesystem::is_symlink(std::filesystem::symlink_status(entry, ec));
    if (std::filesystem::is_directory(entry, ec)) {
      if (link) continue;                                   // knife does not descend links
      if (prefix.empty() && name.front() == '.') continue;  // .git, .kitchen, ...
      collect_files(entry, relative, root, out);
    } else if (std::filesystem::is_regular_file(entry, ec) && name != kUploadedVersionFile) {
      out.push_back({relative, entry});
    }
  }
}

bool is_file(const std::filesystem::path& path, RepoRoot& root) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && root.admits(path);
}

std::vector<std::string> recipe_stems(const std::vector<CookbookFile>& files) {
  std::vector<std::string> stems;
  for (const auto& file : files) {
    const std::string_view path = file.relative;
    if (path.size() > 11 && path.starts_with("recipes/") && path.ends_with(".rb") &&
        path.find('/', 8) == std::string_view::npos) {
      stems.emplace_back(path.substr(8, path.size() - 11));
    }
  }
  return stems;
}

}  // namespace

std::optional<LoadedCookbook> load_cookbook(const std::filesystem::path& dir, RepoRoot& root) {
  std::vector<CookbookFile> files;
  collect_files(dir, "", root, files);

  const auto json_metadata = dir / "metadata.json";
  const auto ruby_metadata = dir / "metadata.rb";
  std::filesystem::path metadata_file;
  Json metadata;
  if (is_file(json_metadata, root)) {
    metadata_file = json_metadata;
    metadata = metadata_from_json(read_json_object(json_metadata), json_metadata);
  } else if (is_file(ruby_metadata, root)) {
    metadata_file = ruby_metadata;
    metadata = metadata_from_ruby(ruby_metadata);
  } else if (files.empty()) {
    return std::nullopt;
  } else {
    throw RepoError(dir, 0, "cookbook has neither metadata.json nor metadata.rb");
  }
  if (!metadata["name"].is_string() || metadata["name"].get<std::string>().empty()) {
    throw RepoError(metadata_file, 0, "the `name' attribute is required in cookbook metadata");
  }

  const Chefignore ignore = Chefignore::find(dir, root);
  std::erase_if(files, [&](const CookbookFile& file) { return ignore.ignored(file.relative); });
  std::sort(files.begin(), files.end(),
            [](const CookbookFile& a, const CookbookFile& b) { return a.relative < b.relative; });
  add_recipes(metadata, recipe_stems(files));

  LoadedCookbook cookbook;
  cookbook.name = metadata["name"].get<std::string>();
  cookbook.version = metadata["version"].get<std::string>();
  Json records = Json::array();
  for (const auto& file : files) {
    std::string bytes = read_file_bytes(file.full);
    std::string checksum = md5_hex(bytes);
    records.push_back(manifest_record(file.relative, checksum));
    cookbook.files.emplace(std::move(checksum), std::move(bytes));
  }
  cookbook.document = Json{{"name", cookbook.name + "-" + cookbook.version},
                           {"cookbook_name", cookbook.name},
                           {"version", cookbook.version},
                           {"metadata", std::move(metadata)},
                           {"all_files", std::move(records)},
                           {"frozen?", false},
                           {"json_class", "Chef::CookbookVersion"},
                           {"chef_type", "cookbook_version"}};
  return cookbook;
}

}  // namespace proofbox::backup::repo
