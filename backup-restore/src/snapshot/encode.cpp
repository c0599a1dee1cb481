// ChefData -> FileTree. Every name becomes a file or directory name, so it is checked first.
#include <set>

#include "snapshot/digests.hpp"
#include "snapshot/layout.hpp"

namespace proofbox::backup::snapshot {
namespace {

// Kinds stored as KIND/NAME.json.
constexpr std::string_view kFlatKinds[] = {"nodes", "roles",    "environments", "clients",
                                           "users", "policies", "policy_groups"};

void check_name(std::string_view kind, const std::string& name) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
      name.find('\0') != std::string::npos) {
    throw SnapshotError("cannot write " + std::string(kind) + " '" + name +
                        "': a name must be a plain file name (no '/', not empty, '.' or '..')");
  }
}

// A document holding a private key (a client created with one, a user's) is written 0600.
bool holds_private_key(const Json& doc) {
  return doc.is_object() && doc.contains("private_key") && !doc["private_key"].is_null();
}

std::string text_of(const std::string& entry, const Json& doc) {
  try {
    return json_text(doc);
  } catch (const Json::exception& e) {
    throw SnapshotError("cannot write " + entry + ": " + e.what());
  }
}

// Writes one cookbook version or artifact: its document and each file of "all_files".
void add_cookbook(FileTree& tree, const ChefData& data, std::string_view kind,
                  const std::string& key, const Json& doc, const char* document_name,
                  std::set<std::string>& used) {
  check_name(kind, key);
  const std::string dir = std::string(kind) + "/" + key;
  if (!doc.is_object()) throw SnapshotError("cannot write " + dir + ": not a JSON object");
  Json stored = doc;
  if (stored.contains("all_files")) {
    if (!stored["all_files"].is_array()) {
      throw SnapshotError("cannot write " + dir + ": all_files is not an array");
    }
    std::map<std::string, std::string> written;  // path -> checksum
    for (auto& file : stored["all_files"]) {
      file.erase("url");  // volatile: a signed URL valid for minutes
      if (!file.is_object() || !file.contains("path") || !file["path"].is_string() ||
          !file.contains("checksum") || !file["checksum"].is_string()) {
        throw SnapshotError("cannot write " + dir + ": an all_files entry lacks path or checksum");
      }
      const std::string raw = file["path"].get<std::string>();
      const std::string path = checked_entry_path(raw);
      if (path.empty() || path != raw || path == document_name) {
        throw SnapshotError("cannot write " + dir + ": file path '" + raw +
                            "' is not a plain relative path or is reserved");
      }
      const std::string checksum = file["checksum"].get<std::string>();
      auto bytes = data.files.find(checksum);
      if (bytes == data.files.end()) {
        throw SnapshotError("cannot write " + dir + "/" + path + ": no bytes for checksum " +
                            checksum);
      }
      auto [at, fresh] = written.emplace(path, checksum);
      if (!fresh) {
        if (at->second != checksum) {
          throw SnapshotError("cannot write " + dir + ": two different files at " + path);
        }
        continue;  // the same file listed twice (e.g. two specificities): one copy on disk
      }
      tree.add_file(dir + "/" + path, bytes->second);
      used.insert(checksum);
    }
  }
  tree.add_file(dir + "/" + document_name, text_of(dir, stored));
}

}  // namespace

std::string json_text(const Json& doc) {
  return doc.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
}

FileTree encode_snapshot(const ChefData& data, const SnapshotInfo& info) {
  FileTree tree;
  for (auto kind : kFlatKinds) {
    for (const auto& [name, doc] : *data.objects(kind)) {
      check_name(kind, name);
      const std::string entry = std::string(kind) + "/" + name + ".json";
      tree.add_file(entry, text_of(entry, doc), holds_private_key(doc));
    }
  }
  Json bags = Json::array();
  for (const auto& [bag, items] : data.data_bags) {
    check_name("data_bags", bag);
    bags.push_back(bag);
    tree.add_dir("data_bags/" + bag);
    for (const auto& [id, item] : items) {
      check_name("data bag items", id);
      const std::string entry = "data_bags/" + bag + "/" + id + ".json";
      tree.add_file(entry, text_of(entry, item));
    }
  }
  std::set<std::string> used;
  for (const auto& [key, doc] : data.cookbooks) {
    add_cookbook(tree, data, "cookbooks", key, doc, kCookbookDocument, used);
  }
  for (const auto& [key, doc] : data.cookbook_artifacts) {
    add_cookbook(tree, data, "cookbook_artifacts", key, doc, kArtifactDocument, used);
  }
  for (const auto& [checksum, bytes] : data.files) {
    if (used.count(checksum)) continue;
    check_name("files", checksum);
    tree.add_file(std::string(kLooseFiles) + "/" + checksum, bytes);
  }

  Json sums = Json::object();
  for (const auto& [path, bytes] : tree.files) sums[path] = sha256_hex(bytes);
  Json manifest = {{"format", kFormatName},   {"format_version", kFormatVersion},
                   {"server", info.server},   {"org", info.org},
                   {"time", info.time},       {"described", data.described},
                   {"counts", data.counts()}, {"data_bags", bags},
                   {"sha256", sums}};
  tree.add_file(kManifest, text_of(kManifest, manifest), true);
  return tree;
}

}  // namespace proofbox::backup::snapshot
