// FileTree -> ChefData, checking everything before anything is returned: the manifest's format,
// each file's sha256, each cookbook file's md5, and that every entry is one the layout defines.
#include <set>

#include "snapshot/digests.hpp"
#include "snapshot/layout.hpp"

namespace proofbox::backup::snapshot {
namespace {

constexpr std::string_view kFlatKinds[] = {"nodes", "roles",    "environments", "clients",
                                           "users", "policies", "policy_groups"};

Json parse_entry(const std::string& entry, const std::string& bytes) {
  try {
    return Json::parse(bytes);
  } catch (const Json::parse_error& e) {
    throw SnapshotError(entry + ": invalid JSON: " + e.what());
  }
}

std::string string_field(const Json& manifest, const char* key) {
  if (!manifest.contains(key)) return "";
  if (!manifest[key].is_string()) {
    throw SnapshotError(std::string(kManifest) + ": '" + key + "' is not a string");
  }
  return manifest[key].get<std::string>();
}

Json read_manifest(const FileTree& tree) {
  auto at = tree.files.find(kManifest);
  if (at == tree.files.end()) throw SnapshotError("no manifest.json: not a proofbox snapshot");
  Json manifest = parse_entry(kManifest, at->second);
  if (!manifest.is_object() || manifest.value("format", "") != kFormatName) {
    throw SnapshotError(std::string(kManifest) + ": not a proofbox snapshot manifest");
  }
  if (!manifest.contains("format_version") || !manifest["format_version"].is_number_integer()) {
    throw SnapshotError(std::string(kManifest) + ": no format_version");
  }
  if (manifest["format_version"].get<int>() > kFormatVersion) {
    throw SnapshotError(std::string(kManifest) + ": format version " +
                        manifest["format_version"].dump() + " is newer than this proofbox reads (" +
                        std::to_string(kFormatVersion) + ")");
  }
  for (const char* key : {"sha256"}) {
    if (!manifest.contains(key) || !manifest[key].is_object()) {
      throw SnapshotError(std::string(kManifest) + ": '" + key + "' is missing or not an object");
    }
  }
  for (const char* key : {"described", "data_bags"}) {
    if (manifest.contains(key) && !manifest[key].is_array()) {
      throw SnapshotError(std::string(kManifest) + ": '" + key + "' is not an array");
    }
  }
  return manifest;
}

// Every file but the manifest is listed in it with the sha256 of its bytes, and nothing listed
// is missing.
void check_sums(const FileTree& tree, const Json& sums) {
  for (const auto& [path, bytes] : tree.files) {
    if (path == kManifest) continue;
    auto want = sums.find(path);
    if (want == sums.end()) throw SnapshotError(path + ": not listed in manifest.json");
    if (!want->is_string() || want->get<std::string>() != sha256_hex(bytes)) {
      throw SnapshotError(path + ": sha256 " + sha256_hex(bytes) + " differs from manifest.json (" +
                          want->dump() + "): the file is corrupt or was edited");
    }
  }
  for (const auto& [path, sum] : sums.items()) {
    if (!tree.files.count(path))
      throw SnapshotError(path + ": listed in manifest.json but missing");
  }
}

// "KIND/NAME.json" -> NAME, or throws when the entry has any other shape.
std::string json_name(const std::string& entry, std::string_view rest) {
  if (rest.find('/') != std::string_view::npos || rest.size() <= 5 ||
      rest.substr(rest.size() - 5) != ".json") {
    throw SnapshotError(entry + ": unexpected entry (expected NAME.json)");
  }
  return std::string(rest.substr(0, rest.size() - 5));
}

struct CookbookFiles {
  std::map<std::string, const std::string*> files;  // path inside the cookbook -> bytes
};

// Rebuilds one cookbook version or artifact from its directory and checks its files.
void decode_cookbook(ChefData& data, Objects& into, const std::string& dir, const std::string& key,
                     CookbookFiles& found, const char* document_name) {
  auto doc_at = found.files.find(document_name);
  if (doc_at == found.files.end()) {
    throw SnapshotError(dir + "/" + key + ": no " + document_name);
  }
  const std::string base = dir + "/" + key + "/";
  Json doc = parse_entry(base + document_name, *doc_at->second);
  if (!doc.is_object()) throw SnapshotError(base + document_name + ": not a JSON object");
  found.files.erase(doc_at);
  std::set<std::string> listed;
  if (doc.contains("all_files")) {
    if (!doc["all_files"].is_array()) {
      throw SnapshotError(base + document_name + ": all_files is not an array");
    }
    for (const auto& file : doc["all_files"]) {
      if (!file.is_object() || !file.contains("path") || !file["path"].is_string() ||
          !file.contains("checksum") || !file["checksum"].is_string()) {
        throw SnapshotError(base + document_name + ": an all_files entry lacks path or checksum");
      }
      const std::string path = file["path"].get<std::string>();
      const std::string checksum = file["checksum"].get<std::string>();
      auto bytes = found.files.find(path);
      if (bytes == found.files.end()) {
        if (listed.count(path)) continue;  // listed twice, stored once
        throw SnapshotError(base + path + ": listed in " + document_name + " but missing");
      }
      const std::string actual = md5_hex(*bytes->second);
      if (actual != checksum) {
        throw SnapshotError(base + path + ": md5 " + actual + " differs from the checksum " +
                            checksum + " in " + document_name);
      }
      data.files[checksum] = *bytes->second;
      listed.insert(path);
      found.files.erase(bytes);
    }
  }
  if (!found.files.empty()) {
    throw SnapshotError(base + found.files.begin()->first + ": not listed in " + document_name);
  }
  into[key] = std::move(doc);
}

}  // namespace

ChefData decode_snapshot(const FileTree& tree, SnapshotInfo* info) {
  const Json manifest = read_manifest(tree);
  check_sums(tree, manifest["sha256"]);

  ChefData data;
  if (manifest.contains("described")) {
    for (const auto& kind : manifest["described"]) {
      if (!kind.is_string()) throw SnapshotError("manifest.json: 'described' holds a non-string");
      data.described.insert(kind.get<std::string>());
    }
  }
  std::set<std::string> bags;
  if (manifest.contains("data_bags")) {
    for (const auto& bag : manifest["data_bags"]) {
      if (!bag.is_string()) throw SnapshotError("manifest.json: 'data_bags' holds a non-string");
      bags.insert(bag.get<std::string>());
      data.data_bags[bag.get<std::string>()];
    }
  }

  std::map<std::string, CookbookFiles> cookbooks, artifacts;
  for (const auto& [path, bytes] : tree.files) {
    if (path == kManifest) continue;
    const auto slash = path.find('/');
    const std::string top = path.substr(0, slash);
    const std::string_view rest =
        slash == std::string::npos ? std::string_view() : std::string_view(path).substr(slash + 1);
    bool flat = false;
    for (auto kind : kFlatKinds) {
      if (top != kind) continue;
      flat = true;
      (*data.objects(kind))[json_name(path, rest)] = parse_entry(path, bytes);
    }
    if (flat) continue;
    const auto inner = rest.find('/');
    if (top == "data_bags" && inner != std::string_view::npos) {
      const std::string bag(rest.substr(0, inner));
      if (!bags.count(bag)) throw SnapshotError(path + ": data bag not listed in manifest.json");
      data.data_bags[bag][json_name(path, rest.substr(inner + 1))] = parse_entry(path, bytes);
    } else if ((top == "cookbooks" || top == "cookbook_artifacts") &&
               inner != std::string_view::npos) {
      auto& into = top == "cookbooks" ? cookbooks : artifacts;
      into[std::string(rest.substr(0, inner))].files[std::string(rest.substr(inner + 1))] = &bytes;
    } else if (top == kLooseFiles && inner == std::string_view::npos && !rest.empty()) {
      const std::string actual = md5_hex(bytes);
      if (actual != rest) throw SnapshotError(path + ": md5 is " + actual);
      data.files[std::string(rest)] = bytes;
    } else {
      throw SnapshotError(path + ": unexpected entry in a snapshot");
    }
  }
  for (const auto& dir : tree.dirs) {
    if (dir.rfind("data_bags/", 0) == 0 && dir.find('/', 10) == std::string::npos &&
        !bags.count(dir.substr(10))) {
      throw SnapshotError(dir + ": data bag not listed in manifest.json");
    }
  }
  for (auto& [key, found] : cookbooks) {
    decode_cookbook(data, data.cookbooks, "cookbooks", key, found, kCookbookDocument);
  }
  for (auto& [key, found] : artifacts) {
    decode_cookbook(data, data.cookbook_artifacts, "cookbook_artifacts", key, found,
                    kArtifactDocument);
  }

  if (info) {
    info->server = string_field(manifest, "server");
    info->org = string_field(manifest, "org");
    info->time = string_field(manifest, "time");
  }
  return data;
}

}  // namespace proofbox::backup::snapshot
