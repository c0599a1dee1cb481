#include "proofbox/backup/server/server_writer.hpp"

#include <random>
#include <set>

#include "cookbook_upload.hpp"
#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/model/cookbook_manifest.hpp"
#include "restore_plan.hpp"

namespace proofbox::backup::server {
namespace {

using client::ApiRequest;
using client::ApiResponse;
using client::ChefClient;

std::string seg(std::string_view s) {
  return zero::http::percent_encode_segment(s);
}

// Users need a password to be created; the real one cannot be backed up, so restored users get
// a random one and reset it, as after any server migration.
std::string random_password() {
  std::random_device rd;
  static constexpr char kChars[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 24; ++i) out.push_back(kChars[rd() % (sizeof(kChars) - 1)]);
  return out;
}

class Writer {
 public:
  Writer(ChefClient& client, const ChefData& source, const ChefData& current,
         const RestoreOptions& options, std::vector<std::string>& errors)
      : client_(client), source_(source), current_(current), options_(options), errors_(errors) {}

  void apply(std::string_view kind, const std::vector<const Change*>& changes) {
    if (changes.empty()) return;
    begin(options_.progress, kind, changes.size());
    if (kind == "data_bags") {
      write_data_bags(changes);
    } else if (kind == "cookbooks" || kind == "cookbook_artifacts") {
      write_cookbooks(kind, changes);
    } else if (kind == "policy_groups") {
      write_policy_groups(changes);
    } else if (kind == "policies") {
      write_policies(changes);
    } else {
      write_named(kind, changes);
    }
    end(options_.progress);
  }

  void remove(std::string_view kind, const std::vector<const Change*>& changes) {
    if (changes.empty()) return;
    begin(options_.progress, "delete " + std::string(kind), changes.size());
    std::vector<ApiRequest> requests;
    std::vector<std::string> what;
    for (const Change* c : changes) {
      requests.push_back(ApiRequest::del(delete_path(kind, c->name)));
      what.push_back("delete " + std::string(kind) + " " + c->name);
    }
    auto responses = send(requests);
    for (std::size_t i = 0; i < responses.size(); ++i) {
      // 404: already gone (an earlier try whose answer was lost).
      if (!responses[i].ok() && responses[i].status != 404) error(what[i], responses[i]);
    }
    end(options_.progress);
  }

 private:
  void error(const std::string& what, const ApiResponse& r) {
    errors_.push_back(what + ": " + r.describe());
  }

  std::vector<ApiResponse> send(const std::vector<ApiRequest>& requests) {
    auto out = client_.send_all(requests);
    advance(options_.progress, requests.size());
    return out;
  }

  std::optional<int> api_version(std::string_view kind) const {
    // API v0 carries a client's or user's public_key in the object itself.
    if (kind == "clients" || kind == "users") return 0;
    return std::nullopt;
  }

  std::string collection_path(std::string_view kind) const {
    if (kind == "users") return client_.root_path("users");
    return client_.org_path(kind);
  }

  std::string item_path(std::string_view kind, const std::string& name) const {
    return collection_path(kind) + "/" + seg(name);
  }

  std::string delete_path(std::string_view kind, const std::string& name) const {
    if (kind == "data_bags") {
      auto slash = name.find('/');
      if (slash == std::string::npos) return client_.org_path("data/" + seg(name));
      return client_.org_path("data/" + seg(name.substr(0, slash)) + "/" +
                              seg(name.substr(slash + 1)));
    }
    const Json* doc = nullptr;
    if (const Objects* objects = current_.objects(kind)) {
      auto it = objects->find(name);
      if (it != objects->end()) doc = &it->second;
    }
    if (kind == "cookbooks" && doc != nullptr) {
      return client_.org_path("cookbooks/" + seg(doc->value("cookbook_name", "")) + "/" +
                              seg(doc->value("version", "")));
    }
    if (kind == "cookbook_artifacts" && doc != nullptr) {
      return client_.org_path("cookbook_artifacts/" + seg(doc->value("name", "")) + "/" +
                              seg(doc->value("identifier", "")));
    }
    if (kind == "policies" && doc != nullptr) {
      return client_.org_path("policies/" + seg(doc->value("name", "")) + "/revisions/" +
                              seg(doc->value("revision_id", "")));
    }
    return item_path(kind, name);
  }

  Json body_for(std::string_view kind, const Json& object, bool create) const {
    Json body = object;
    if (kind == "users") {
      if (create && !body.contains("password")) body["password"] = random_password();
      // The Chef server requires a display name; servers that keep none (goiardi) get the
      // user name, as knife user create does.
      if (!body.contains("display_name")) body["display_name"] = body.value("name", "");
      // ... and an email address; a placeholder in the reserved .invalid domain marks it as
      // one to fix rather than a real mailbox.
      if (!body.contains("email")) body["email"] = body.value("name", "") + "@example.invalid";
    }
    return body;
  }

  // POST to create (409: it exists after all, PUT), PUT to update (404: gone, POST).
  void write_named(std::string_view kind, const std::vector<const Change*>& changes) {
    const Objects& objects = *source_.objects(kind);
    std::vector<ApiRequest> requests;
    for (const Change* c : changes) requests.push_back(write_request(kind, c, objects));
    auto responses = send(requests);
    std::vector<ApiRequest> fallbacks;
    std::vector<const Change*> fallback_changes;
    for (std::size_t i = 0; i < responses.size(); ++i) {
      const Change* c = changes[i];
      const bool create = c->op == Change::Op::kCreate;
      if (responses[i].ok()) continue;
      if ((create && responses[i].status == 409) || (!create && responses[i].status == 404)) {
        Change flipped{create ? Change::Op::kUpdate : Change::Op::kCreate, c->kind, c->name};
        fallbacks.push_back(write_request(kind, &flipped, objects));
        fallback_changes.push_back(c);
        continue;
      }
      error(describe(*c), responses[i]);
    }
    auto second = client_.send_all(fallbacks);
    for (std::size_t i = 0; i < second.size(); ++i) {
      if (!second[i].ok()) error(describe(*fallback_changes[i]), second[i]);
    }
  }

  ApiRequest write_request(std::string_view kind, const Change* c, const Objects& objects) const {
    const Json& object = objects.at(c->name);
    const bool create = c->op == Change::Op::kCreate;
    ApiRequest r = ApiRequest::json(create ? "POST" : "PUT",
                                    create ? collection_path(kind) : item_path(kind, c->name),
                                    body_for(kind, object, create));
    r.api_version = api_version(kind);
    return r;
  }

  static std::string describe(const Change& c) {
    static const char* kOps[] = {"create", "update", "delete"};
    return std::string(kOps[static_cast<int>(c.op)]) + " " + c.kind + " " + c.name;
  }

  void write_data_bags(const std::vector<const Change*>& changes) {
    std::vector<ApiRequest> bags;
    std::vector<const Change*> items;
    for (const Change* c : changes) {
      if (c->name.find('/') == std::string::npos) {
        bags.push_back(ApiRequest::json("POST", client_.org_path("data"), Json{{"name", c->name}}));
      } else {
        items.push_back(c);
      }
    }
    auto created = send(bags);
    for (std::size_t i = 0; i < created.size(); ++i) {
      if (!created[i].ok() && created[i].status != 409) {
        error("create data bag " + bags[i].body, created[i]);
      }
    }
    auto item_request = [&](const Change& c, bool create) {
      auto slash = c.name.find('/');
      std::string bag = c.name.substr(0, slash), id = c.name.substr(slash + 1);
      const Json& item = source_.data_bags.at(bag).at(id);
      std::string base = client_.org_path("data/" + seg(bag));
      return ApiRequest::json(create ? "POST" : "PUT", create ? base : base + "/" + seg(id), item);
    };
    std::vector<ApiRequest> requests;
    for (const Change* c : items)
      requests.push_back(item_request(*c, c->op == Change::Op::kCreate));
    auto responses = send(requests);
    std::vector<ApiRequest> fallbacks;
    std::vector<const Change*> fallback_changes;
    for (std::size_t i = 0; i < responses.size(); ++i) {
      const bool create = items[i]->op == Change::Op::kCreate;
      if (responses[i].ok()) continue;
      if ((create && responses[i].status == 409) || (!create && responses[i].status == 404)) {
        fallbacks.push_back(item_request(*items[i], !create));
        fallback_changes.push_back(items[i]);
      } else {
        error(describe(*items[i]), responses[i]);
      }
    }
    auto second = client_.send_all(fallbacks);
    for (std::size_t i = 0; i < second.size(); ++i) {
      if (!second[i].ok()) error(describe(*fallback_changes[i]), second[i]);
    }
  }

  void write_cookbooks(std::string_view kind, const std::vector<const Change*>& changes) {
    const Objects& objects = *source_.objects(kind);
    std::set<std::string> sums;
    for (const Change* c : changes) {
      const Json& manifest = objects.at(c->name);
      for (const Json& f : manifest.value("all_files", Json::array())) {
        if (f.is_object() && f.contains("checksum")) sums.insert(f.value("checksum", ""));
      }
    }
    auto upload_errors = upload_files(client_, sums, source_.files);
    if (!upload_errors.empty()) {
      for (auto& e : upload_errors) errors_.push_back(std::string(kind) + ": " + e);
      return;  // no document may name a file the server lacks
    }
    std::vector<ApiRequest> requests;
    for (const Change* c : changes) {
      const Json& m = objects.at(c->name);
      std::string path = kind == "cookbooks"
                             ? client_.org_path("cookbooks/" + seg(m.value("cookbook_name", "")) +
                                                "/" + seg(m.value("version", "")) + "?force=true")
                             : client_.org_path("cookbook_artifacts/" + seg(m.value("name", "")) +
                                                "/" + seg(m.value("identifier", "")));
      // Servers below API v2 (goiardi, older Chef servers) take the v0 segment form only.
      const int version = client_.config().api_version;
      ApiRequest r =
          ApiRequest::json("PUT", path, version >= 2 ? m : zero::model::all_files_to_segments(m));
      r.api_version = version >= 2 ? 2 : version;
      requests.push_back(std::move(r));
    }
    auto responses = send(requests);
    for (std::size_t i = 0; i < responses.size(); ++i) {
      // An artifact is immutable: 409 means an earlier try already saved it.
      if (responses[i].ok() || (kind == "cookbook_artifacts" && responses[i].status == 409)) {
        continue;
      }
      error(describe(*changes[i]), responses[i]);
    }
  }

  void write_policies(const std::vector<const Change*>& changes) {
    std::vector<ApiRequest> requests;
    for (const Change* c : changes) {
      const Json& p = source_.policies.at(c->name);
      requests.push_back(ApiRequest::json(
          "POST", client_.org_path("policies/" + seg(p.value("name", "")) + "/revisions"), p));
    }
    auto responses = send(requests);
    for (std::size_t i = 0; i < responses.size(); ++i) {
      if (!responses[i].ok() && responses[i].status != 409)
        error(describe(*changes[i]), responses[i]);
    }
  }

  void write_policy_groups(const std::vector<const Change*>& changes) {
    std::vector<ApiRequest> requests;
    std::vector<std::string> what;
    for (const Change* c : changes) {
      const Json wanted = source_.policy_groups.at(c->name).value("policies", Json::object());
      Json have = Json::object();
      if (auto it = current_.policy_groups.find(c->name); it != current_.policy_groups.end()) {
        have = it->second.value("policies", Json::object());
      }
      const std::string group = client_.org_path("policy_groups/" + seg(c->name) + "/policies/");
      for (auto& [name, rev] : wanted.items()) {
        if (have.contains(name) && have[name] == rev) continue;
        const std::string revision = rev.value("revision_id", "");
        auto doc = source_.policies.find(name + "-" + revision);
        if (doc == source_.policies.end()) {
          errors_.push_back("policy group " + c->name + ": revision " + revision + " of " + name +
                            " is not in the source");
          continue;
        }
        requests.push_back(ApiRequest::json("PUT", group + seg(name), doc->second));
        what.push_back("set policy " + name + " in group " + c->name);
      }
      for (auto& [name, rev] : have.items()) {
        if (wanted.contains(name)) continue;
        requests.push_back(ApiRequest::del(group + seg(name)));
        what.push_back("remove policy " + name + " from group " + c->name);
      }
    }
    auto responses = send(requests);
    for (std::size_t i = 0; i < responses.size(); ++i) {
      if (!responses[i].ok() && !(requests[i].method == "DELETE" && responses[i].status == 404)) {
        error(what[i], responses[i]);
      }
    }
  }

  ChefClient& client_;
  const ChefData& source_;
  const ChefData& current_;
  const RestoreOptions& options_;
  std::vector<std::string>& errors_;
};

}  // namespace

RestoreResult restore(ChefClient& client, const ChefData& source, const RestoreOptions& options) {
  PlannedRestore planned = make_plan(client, source, options);
  RestoreResult result;
  result.plan = std::move(planned.plan);
  result.errors = result.plan.problems;
  if (options.dry_run || result.plan.empty()) return result;

  Writer writer(client, source, planned.current, options, result.errors);
  for (auto kind : kKinds) {
    std::vector<const Change*> changes;
    for (const Change& c : result.plan.changes) {
      if (c.kind == kind && c.op != Change::Op::kDelete) changes.push_back(&c);
    }
    writer.apply(kind, changes);
  }
  // Deletes last, dependents first: nodes before the roles they name, and so on.
  for (auto it = std::rbegin(kKinds); it != std::rend(kKinds); ++it) {
    std::vector<const Change*> changes;
    for (const Change& c : result.plan.changes) {
      if (c.kind == *it && c.op == Change::Op::kDelete) changes.push_back(&c);
    }
    // A deleted bag takes its items along; an item delete inside it would only 404.
    writer.remove(*it, changes);
  }
  return result;
}

}  // namespace proofbox::backup::server
