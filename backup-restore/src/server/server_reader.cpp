#include "proofbox/backup/server/server_reader.hpp"

#include <map>

#include "file_checksum.hpp"
#include "proofbox/zero/http/message.hpp"

namespace proofbox::backup::server {
namespace {

using client::ApiRequest;
using client::ApiResponse;
using client::ChefClient;

constexpr const char* kSegments[] = {"recipes",   "attributes", "files",
                                     "templates", "libraries",  "definitions",
                                     "providers", "resources",  "root_files"};

std::string seg(std::string_view name) {
  return zero::http::percent_encode_segment(name);
}

class Reader {
 public:
  Reader(ChefClient& client, const ReadOptions& options) : client_(client), options_(options) {}

  ReadResult run() {
    for (auto kind : kKinds) {
      if (!wanted(kind)) continue;
      if (kind == "nodes" || kind == "roles" || kind == "environments") read_named(kind);
      if (kind == "clients") read_actors(kind, client_.org_path("clients"));
      if (kind == "users") read_actors(kind, client_.root_path("users"));
      if (kind == "data_bags") read_data_bags();
      if (kind == "cookbooks") read_cookbooks();
      if (kind == "cookbook_artifacts") read_artifacts();
      if (kind == "policies") read_policies();
      if (kind == "policy_groups") read_policy_groups();
    }
    if (options_.download_files) download_files();
    return std::move(result_);
  }

 private:
  bool wanted(std::string_view kind) const {
    return options_.kinds.empty() || options_.kinds.count(std::string(kind)) > 0;
  }

  [[noreturn]] void fail(const std::string& what, const ApiResponse& r) {
    throw ServerReadError("cannot read " + what + ": " + r.describe());
  }

  // The listing of a kind; nullopt (and a warning) when the server has no such endpoint or
  // will not show it.
  std::optional<Json> list(std::string_view kind, const std::string& path) {
    ApiResponse r = client_.send(ApiRequest::get(path));
    // Some servers (goiardi 0.11 for policy and artifact paths) answer an endpoint they do
    // not have with an empty 200: that too means "this server has no such kind".
    const bool empty_ok = r.ok() && r.body.find_first_not_of(" \t\r\n") == std::string::npos;
    if (r.status == 404 || r.status == 403 || empty_ok) {
      std::string why = r.status == 404   ? "not found"
                        : r.status == 403 ? "forbidden"
                                          : "an empty body";
      result_.warnings.push_back(std::string(kind) + ": skipped, the server answered " +
                                 std::to_string(r.status) + " (" + why + ") for " + path);
      note(options_.progress, "warning: " + result_.warnings.back());
      return std::nullopt;
    }
    if (!r.ok()) fail(std::string(kind), r);
    result_.data.described.emplace(kind);
    return r.json();
  }

  // GETs every path; objects that vanished since the listing (404) are skipped with a warning.
  std::vector<std::optional<Json>> fetch(std::string_view kind,
                                         const std::vector<std::string>& paths,
                                         std::optional<int> api_version = std::nullopt) {
    std::vector<ApiRequest> requests;
    requests.reserve(paths.size());
    for (const auto& p : paths) requests.push_back(ApiRequest::get(p, api_version));
    begin(options_.progress, kind, paths.size());
    std::vector<std::optional<Json>> out;
    out.reserve(paths.size());
    // Chunks keep progress moving and memory for raw bodies bounded.
    constexpr std::size_t kChunk = 500;
    for (std::size_t start = 0; start < requests.size(); start += kChunk) {
      std::vector<ApiRequest> chunk(requests.begin() + static_cast<std::ptrdiff_t>(start),
                                    requests.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                           start + kChunk, requests.size())));
      auto responses = client_.send_all(chunk);
      for (std::size_t i = 0; i < responses.size(); ++i) {
        const ApiResponse& r = responses[i];
        if (r.status == 404) {
          result_.warnings.push_back(std::string(kind) + ": " + chunk[i].path +
                                     " disappeared while reading");
          out.emplace_back();
          continue;
        }
        if (!r.ok()) fail(chunk[i].path, r);
        out.emplace_back(r.json());
      }
      advance(options_.progress, responses.size());
    }
    end(options_.progress);
    return out;
  }

  void read_named(std::string_view kind) {
    auto listing = list(kind, client_.org_path(kind));
    if (!listing) return;
    std::vector<std::string> names, paths;
    for (auto& [name, url] : listing->items()) {
      names.push_back(name);
      paths.push_back(client_.org_path(std::string(kind) + "/" + seg(name)));
    }
    auto objects = fetch(kind, paths);
    Objects& into = *result_.data.objects(kind);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (objects[i]) into[names[i]] = std::move(*objects[i]);
    }
  }

  // Clients and users with their default public key: API v0 shows it in the object itself.
  void read_actors(std::string_view kind, const std::string& list_path) {
    auto listing = list(kind, list_path);
    if (!listing) return;
    std::vector<std::string> names, paths;
    for (auto& [name, url] : listing->items()) {
      names.push_back(name);
      paths.push_back(list_path + "/" + seg(name));
    }
    auto objects = fetch(kind, paths, 0);
    Objects& into = *result_.data.objects(kind);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (!objects[i]) continue;
      Json& o = *objects[i];
      o.erase("orgname");  // which org it came from: not part of the client
      o.erase("uri");
      into[names[i]] = std::move(o);
    }
  }

  void read_data_bags() {
    auto listing = list("data_bags", client_.org_path("data"));
    if (!listing) return;
    std::vector<std::string> bags, bag_paths;
    for (auto& [bag, url] : listing->items()) {
      bags.push_back(bag);
      bag_paths.push_back(client_.org_path("data/" + seg(bag)));
    }
    auto bag_listings = fetch("data_bags_bags", bag_paths);
    std::vector<std::pair<std::string, std::string>> items;
    std::vector<std::string> item_paths;
    for (std::size_t i = 0; i < bags.size(); ++i) {
      if (!bag_listings[i]) continue;
      result_.data.data_bags[bags[i]];  // an empty bag is still a bag
      for (auto& [item, url] : bag_listings[i]->items()) {
        items.emplace_back(bags[i], item);
        item_paths.push_back(client_.org_path("data/" + seg(bags[i]) + "/" + seg(item)));
      }
    }
    auto objects = fetch("data_bags", item_paths);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (objects[i]) result_.data.data_bags[items[i].first][items[i].second] = *objects[i];
    }
  }

  void remember_urls(const Json& raw) {
    auto visit = [&](const Json& files) {
      if (!files.is_array()) return;
      for (const Json& f : files) {
        if (f.is_object() && f.contains("checksum") && f.contains("url") &&
            f["checksum"].is_string() && f["url"].is_string()) {
          file_urls_.emplace(f["checksum"].get<std::string>(), f["url"].get<std::string>());
        }
      }
    };
    if (raw.contains("all_files")) visit(raw["all_files"]);
    for (const char* s : kSegments) {
      if (raw.contains(s)) visit(raw[s]);
    }
  }

  void read_cookbooks() {
    auto listing = list("cookbooks", client_.org_path("cookbooks?num_versions=all"));
    if (!listing) return;
    std::vector<std::string> keys, paths;
    for (auto& [name, entry] : listing->items()) {
      if (!entry.contains("versions")) continue;
      for (const Json& v : entry["versions"]) {
        std::string version = v.value("version", "");
        keys.push_back(name + "-" + version);
        paths.push_back(client_.org_path("cookbooks/" + seg(name) + "/" + seg(version)));
      }
    }
    auto objects = fetch("cookbooks", paths, 2);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (!objects[i]) continue;
      remember_urls(*objects[i]);
      result_.data.cookbooks[keys[i]] = cookbook_to_v2(std::move(*objects[i]));
    }
  }

  void read_artifacts() {
    auto listing = list("cookbook_artifacts", client_.org_path("cookbook_artifacts"));
    if (!listing) return;
    std::vector<std::string> keys, paths;
    for (auto& [name, entry] : listing->items()) {
      if (!entry.contains("versions")) continue;
      for (const Json& v : entry["versions"]) {
        std::string id = v.value("identifier", "");
        keys.push_back(name + "-" + id);
        paths.push_back(client_.org_path("cookbook_artifacts/" + seg(name) + "/" + seg(id)));
      }
    }
    auto objects = fetch("cookbook_artifacts", paths, 2);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (!objects[i]) continue;
      remember_urls(*objects[i]);
      result_.data.cookbook_artifacts[keys[i]] = cookbook_to_v2(std::move(*objects[i]));
    }
  }

  void read_policies() {
    auto listing = list("policies", client_.org_path("policies"));
    if (!listing) return;
    std::vector<std::string> keys, paths;
    for (auto& [name, entry] : listing->items()) {
      if (!entry.contains("revisions") || !entry["revisions"].is_object()) continue;
      for (auto& [rev, unused] : entry["revisions"].items()) {
        keys.push_back(name + "-" + rev);
        paths.push_back(client_.org_path("policies/" + seg(name) + "/revisions/" + seg(rev)));
      }
    }
    auto objects = fetch("policies", paths);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (objects[i]) result_.data.policies[keys[i]] = std::move(*objects[i]);
    }
  }

  void read_policy_groups() {
    auto listing = list("policy_groups", client_.org_path("policy_groups"));
    if (!listing) return;
    for (auto& [group, entry] : listing->items()) {
      Json policies = Json::object();
      if (entry.contains("policies") && entry["policies"].is_object()) {
        for (auto& [name, rev] : entry["policies"].items()) {
          Json revision_id = rev.is_object() ? rev.value("revision_id", Json()) : rev;
          policies[name] = Json{{"revision_id", revision_id}};
        }
      }
      result_.data.policy_groups[group] = Json{{"policies", policies}};
    }
  }

  void download_files() {
    std::vector<std::string> sums;
    std::vector<ApiRequest> requests;
    const std::string own_base = client_.url().base;
    for (const auto& [sum, url] : file_urls_) {
      if (result_.data.files.count(sum) > 0) continue;
      ApiRequest r = ApiRequest::get(url);
      // Files on another host (a bookshelf or S3 with a pre-signed url) are not signed.
      r.sign = url.rfind(own_base, 0) == 0;
      sums.push_back(sum);
      requests.push_back(std::move(r));
    }
    if (requests.empty()) return;
    begin(options_.progress, "files", requests.size());
    auto responses = client_.send_all(requests);
    for (std::size_t i = 0; i < responses.size(); ++i) {
      if (!responses[i].ok()) fail("file " + sums[i], responses[i]);
      std::string actual = md5_hex(responses[i].body);
      if (actual != sums[i]) {
        throw ServerReadError("file " + sums[i] + " from " + requests[i].path + " has MD5 " +
                              actual + ": corrupt download");
      }
      result_.data.files[sums[i]] = std::move(responses[i].body);
    }
    advance(options_.progress, responses.size());
    end(options_.progress);
  }

  ChefClient& client_;
  const ReadOptions& options_;
  ReadResult result_;
  std::map<std::string, std::string> file_urls_;  // checksum -> download url
};

}  // namespace

Json cookbook_to_v2(Json manifest) {
  if (!manifest.is_object()) return manifest;
  Json all = manifest.contains("all_files") && manifest["all_files"].is_array()
                 ? manifest["all_files"]
                 : Json::array();
  for (const char* s : kSegments) {
    if (!manifest.contains(s)) continue;
    if (manifest[s].is_array()) {
      for (Json f : manifest[s]) {
        if (f.is_object() && f.contains("name") && f["name"].is_string()) {
          f["name"] = std::string(s) + "/" + f["name"].get<std::string>();
        }
        all.push_back(std::move(f));
      }
    }
    manifest.erase(s);
  }
  for (Json& f : all) {
    if (f.is_object()) f.erase("url");
  }
  manifest["all_files"] = std::move(all);
  return manifest;
}

}  // namespace proofbox::backup::server

namespace proofbox::backup::server {

ReadResult read_server(client::ChefClient& client, const ReadOptions& options) {
  return Reader(client, options).run();
}

}  // namespace proofbox::backup::server
