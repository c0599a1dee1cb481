// diff_chef_data: walks both sides kind by kind, in the same name order.
#include "proofbox/backup/diff.hpp"

#include "diff/json_differences.hpp"

namespace proofbox::backup {
namespace {

using diff_detail::json_differences;

// all_files as path -> entry without its url.
std::map<std::string, Json> files_by_path(const Json& doc) {
  std::map<std::string, Json> out;
  if (!doc.is_object() || !doc.contains("all_files") || !doc["all_files"].is_array()) return out;
  for (const auto& file : doc["all_files"]) {
    Json entry = file;
    if (entry.is_object()) entry.erase("url");
    out[file.value("path", file.value("name", ""))] = entry;
  }
  return out;
}

// A cookbook version or artifact: its document fields other than all_files, then its files.
std::vector<std::string> cookbook_differences(const Json& a, const Json& b) {
  std::vector<std::string> out;
  Json da = a, db = b;
  if (da.is_object()) da.erase("all_files");
  if (db.is_object()) db.erase("all_files");
  json_differences(da, db, "", out, kMaxDifferences);
  const auto fa = files_by_path(a), fb = files_by_path(b);
  for (const auto& [path, entry] : fa) {
    if (out.size() >= kMaxDifferences) break;
    auto other = fb.find(path);
    if (other == fb.end()) {
      out.push_back("file " + path + " (only in A)");
    } else if (other->second != entry) {
      out.push_back("file " + path + " (changed)");
    }
  }
  for (const auto& [path, entry] : fb) {
    if (out.size() >= kMaxDifferences) break;
    if (!fa.count(path)) out.push_back("file " + path + " (only in B)");
  }
  return out;
}

bool is_cookbook_kind(std::string_view kind) {
  return kind == "cookbooks" || kind == "cookbook_artifacts";
}

// The two documents with what this comparison ignores taken out of both.
std::pair<Json, Json> comparable(std::string_view kind, const Json& a, const Json& b) {
  Json ca = a, cb = b;
  if ((kind == "clients" || kind == "users") && ca.is_object() && cb.is_object() &&
      (!ca.contains("public_key") || !cb.contains("public_key"))) {
    ca.erase("public_key");  // unknown on one side is not a difference
    cb.erase("public_key");
  }
  if (kind == "clients" && ca.is_object() && cb.is_object()) {
    // "clientname" only repeats the name, and "admin" is a Chef 11 client flag that Chef
    // server 12+ no longer keeps: servers differ on both (goiardi vs erchef) without any
    // data being different.
    for (const char* derived : {"clientname", "admin"}) {
      if (ca.contains(derived) != cb.contains(derived)) {
        ca.erase(derived);
        cb.erase(derived);
      }
    }
  }
  return {std::move(ca), std::move(cb)};
}

KindDiff compare_objects(std::string_view kind, const Objects& a, const Objects& b) {
  KindDiff out{std::string(kind), {}, {}, {}};
  const bool skip_default =
      kind == "environments" && (a.count("_default") == 0) != (b.count("_default") == 0);
  auto ia = a.begin();
  auto ib = b.begin();
  while (ia != a.end() || ib != b.end()) {
    if (ib == b.end() || (ia != a.end() && ia->first < ib->first)) {
      if (!(skip_default && ia->first == "_default")) out.only_in_a.push_back(ia->first);
      ++ia;
    } else if (ia == a.end() || ib->first < ia->first) {
      if (!(skip_default && ib->first == "_default")) out.only_in_b.push_back(ib->first);
      ++ib;
    } else {
      std::vector<std::string> differences;
      if (is_cookbook_kind(kind)) {
        differences = cookbook_differences(ia->second, ib->second);
      } else {
        auto [ca, cb] = comparable(kind, ia->second, ib->second);
        json_differences(ca, cb, "", differences, kMaxDifferences);
      }
      if (!differences.empty()) out.changed.push_back({ia->first, std::move(differences)});
      ++ia;
      ++ib;
    }
  }
  return out;
}

// Bags by name, and their items as "BAG/ITEM".
void compare_data_bags(const ChefData& a, const ChefData& b, DiffResult& result) {
  Objects bags_a, bags_b, items_a, items_b;
  for (const auto& [bag, items] : a.data_bags) {
    bags_a[bag] = Json::object();
    for (const auto& [id, item] : items) items_a[bag + "/" + id] = item;
  }
  for (const auto& [bag, items] : b.data_bags) {
    bags_b[bag] = Json::object();
    for (const auto& [id, item] : items) items_b[bag + "/" + id] = item;
  }
  result.kinds.push_back(compare_objects("data_bags", bags_a, bags_b));
  result.kinds.push_back(compare_objects("data_bag_items", items_a, items_b));
}

}  // namespace

bool DiffResult::same() const {
  return difference_count() == 0;
}

std::size_t DiffResult::difference_count() const {
  std::size_t n = 0;
  for (const auto& kind : kinds)
    n += kind.only_in_a.size() + kind.only_in_b.size() + kind.changed.size();
  return n;
}

DiffResult diff_chef_data(const ChefData& a, const ChefData& b) {
  DiffResult result;
  for (auto kind : kKinds) {
    if (!a.describes(kind) || !b.describes(kind)) {
      result.not_compared.emplace_back(kind);
      continue;
    }
    if (kind == "data_bags") {
      compare_data_bags(a, b, result);
    } else {
      result.kinds.push_back(compare_objects(kind, *a.objects(kind), *b.objects(kind)));
    }
  }
  return result;
}

}  // namespace proofbox::backup
