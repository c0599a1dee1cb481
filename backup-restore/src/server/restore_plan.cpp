#include "restore_plan.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "file_checksum.hpp"
#include "proofbox/backup/server/server_reader.hpp"

namespace proofbox::backup::server {
namespace {

bool is_cookbook_kind(std::string_view kind) {
  return kind == "cookbooks" || kind == "cookbook_artifacts";
}

std::set<std::pair<std::string, std::string>> file_set(const Json& manifest) {
  std::set<std::pair<std::string, std::string>> out;
  if (!manifest.contains("all_files") || !manifest["all_files"].is_array()) return out;
  for (const Json& f : manifest["all_files"]) {
    if (!f.is_object()) continue;
    std::string path = f.contains("path") && f["path"].is_string() ? f["path"].get<std::string>()
                                                                   : f.value("name", "");
    out.emplace(path, f.value("checksum", ""));
  }
  return out;
}

// Objects of a kind the restore must never delete (or modify).
bool protected_object(std::string_view kind, const std::string& name,
                      const client::ChefClient& client) {
  if (kind == "environments" && name == "_default") return true;
  if ((kind == "clients" || kind == "users") && name == client.config().client_name) return true;
  return false;
}

void add(RestorePlan& plan, Change::Op op, std::string_view kind, std::string name) {
  plan.changes.push_back(Change{op, std::string(kind), std::move(name)});
}

void plan_objects(RestorePlan& plan, std::string_view kind, const Objects& source,
                  const Objects& current, bool purge, const client::ChefClient& client) {
  for (const auto& [name, object] : source) {
    if (kind == "environments" && name == "_default") continue;  // the server's own, immutable
    auto it = current.find(name);
    if (it == current.end()) {
      add(plan, Change::Op::kCreate, kind, name);
    } else if (!same_object(kind, object, it->second)) {
      if (kind == "policies") {
        plan.warnings.push_back("policies: revision " + name +
                                " differs on the server; revisions are immutable, left as is");
      } else if (protected_object(kind, name, client)) {
        plan.warnings.push_back(std::string(kind) + ": " + name +
                                " is the identity doing the restore; left as is");
      } else {
        add(plan, Change::Op::kUpdate, kind, name);
      }
    }
  }
  if (!purge) return;
  for (const auto& [name, object] : current) {
    if (source.count(name) == 0 && !protected_object(kind, name, client)) {
      add(plan, Change::Op::kDelete, kind, name);
    }
  }
}

void plan_data_bags(RestorePlan& plan, const ChefData& source, const ChefData& current,
                    bool purge) {
  static const std::map<std::string, Json> kNoItems;
  for (const auto& [bag, items] : source.data_bags) {
    auto cur = current.data_bags.find(bag);
    if (cur == current.data_bags.end()) add(plan, Change::Op::kCreate, "data_bags", bag);
    const auto& cur_items = cur == current.data_bags.end() ? kNoItems : cur->second;
    for (const auto& [id, item] : items) {
      auto it = cur_items.find(id);
      if (it == cur_items.end()) {
        add(plan, Change::Op::kCreate, "data_bags", bag + "/" + id);
      } else if (!same_object("data_bags", item, it->second)) {
        add(plan, Change::Op::kUpdate, "data_bags", bag + "/" + id);
      }
    }
    if (purge) {
      for (const auto& [id, item] : cur_items) {
        if (items.count(id) == 0) add(plan, Change::Op::kDelete, "data_bags", bag + "/" + id);
      }
    }
  }
  if (!purge) return;
  for (const auto& [bag, items] : current.data_bags) {
    if (source.data_bags.count(bag) == 0) add(plan, Change::Op::kDelete, "data_bags", bag);
  }
}

std::string_view op_name(Change::Op op) {
  switch (op) {
    case Change::Op::kCreate:
      return "create";
    case Change::Op::kUpdate:
      return "update";
    case Change::Op::kDelete:
      return "delete";
  }
  return "?";
}

}  // namespace

bool same_object(std::string_view kind, const Json& source, const Json& current) {
  if (!source.is_object() || !current.is_object()) return source == current;
  if (kind == "policy_groups") {
    return source.value("policies", Json::object()) == current.value("policies", Json::object());
  }
  for (const auto& [key, value] : source.items()) {
    if (is_cookbook_kind(kind) && key == "all_files") continue;
    auto it = current.find(key);
    if (it == current.end() || *it != value) return false;
  }
  if (is_cookbook_kind(kind)) return file_set(source) == file_set(current);
  return true;
}

std::size_t RestorePlan::count(Change::Op op, std::string_view kind) const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(),
                    [&](const Change& c) { return c.op == op && c.kind == kind; }));
}

std::string RestorePlan::summary() const {
  if (changes.empty()) return "nothing to change";
  std::string out;
  for (auto op : {Change::Op::kCreate, Change::Op::kUpdate, Change::Op::kDelete}) {
    std::string part;
    for (auto kind : kKinds) {
      std::size_t n = count(op, kind);
      if (n == 0) continue;
      part += (part.empty() ? "" : ", ") + std::string(kind) + " " + std::to_string(n);
    }
    if (part.empty()) continue;
    out += (out.empty() ? "" : "; ") + std::string(op_name(op)) + ": " + part;
  }
  return out;
}

void validate_source(const ChefData& source) {
  std::vector<std::string> problems;
  auto check_named = [&](std::string_view kind, const char* field) {
    for (const auto& [name, object] : *source.objects(kind)) {
      if (!object.is_object()) {
        problems.push_back(std::string(kind) + " " + name + ": not a JSON object");
        continue;
      }
      auto it = object.find(field);
      if (it != object.end() && (!it->is_string() || it->get<std::string>() != name)) {
        problems.push_back(std::string(kind) + " " + name + ": its \"" + field + "\" is " +
                           it->dump());
      }
    }
  };
  check_named("nodes", "name");
  check_named("roles", "name");
  check_named("environments", "name");
  check_named("clients", "name");
  check_named("users", "username");
  for (const auto& [bag, items] : source.data_bags) {
    for (const auto& [id, item] : items) {
      if (!item.is_object() || item.value("id", Json()) != Json(id)) {
        problems.push_back("data bag item " + bag + "/" + id + ": its \"id\" is not \"" + id +
                           "\"");
      }
    }
  }
  for (std::string_view kind : {"cookbooks", "cookbook_artifacts"}) {
    for (const auto& [key, manifest] : *source.objects(kind)) {
      for (const auto& [path, sum] : file_set(manifest)) {
        auto file = source.files.find(sum);
        if (file == source.files.end()) {
          problems.push_back(std::string(kind) + " " + key + ": file " + path + " (" + sum +
                             ") is missing");
        } else if (md5_hex(file->second) != sum) {
          problems.push_back(std::string(kind) + " " + key + ": file " + path +
                             " does not match its checksum " + sum);
        }
      }
    }
  }
  for (const auto& [key, policy] : source.policies) {
    if (!policy.is_object() || !policy.contains("name") || !policy.contains("revision_id")) {
      problems.push_back("policies " + key + ": needs \"name\" and \"revision_id\"");
    }
  }
  if (problems.empty()) return;
  std::string message = "the source cannot be restored (nothing was changed):";
  for (const auto& p : problems) message += "\n  " + p;
  throw InvalidSource(message);
}

PlannedRestore make_plan(client::ChefClient& client, const ChefData& source,
                         const RestoreOptions& options) {
  validate_source(source);
  std::set<std::string> kinds(source.described.begin(), source.described.end());
  auto counts = source.counts();
  for (auto kind : kKinds) {
    if (counts[std::string(kind)] > 0 || (kind == "data_bags" && !source.data_bags.empty())) {
      kinds.emplace(kind);
    }
  }
  PlannedRestore out;
  ReadOptions read;
  read.kinds = kinds;
  read.download_files = false;
  ReadResult current = read_server(client, read);
  out.current = std::move(current.data);
  out.plan.warnings = std::move(current.warnings);
  for (auto kind : kKinds) {
    std::string k(kind);
    if (kinds.count(k) == 0) continue;
    if (!out.current.describes(kind)) {
      std::size_t n = counts[k];
      if (n > 0) {
        out.plan.problems.push_back(std::to_string(n) + " " + k +
                                    " cannot be restored: the server does not serve them");
      }
      continue;
    }
    const bool purge = options.purge && source.describes(kind);
    if (kind == "data_bags") {
      plan_data_bags(out.plan, source, out.current, purge);
    } else {
      plan_objects(out.plan, kind, *source.objects(kind), *out.current.objects(kind), purge,
                   client);
    }
  }
  return out;
}

RestorePlan plan_restore(client::ChefClient& client, const ChefData& source,
                         const RestoreOptions& options) {
  return make_plan(client, source, options).plan;
}

}  // namespace proofbox::backup::server
