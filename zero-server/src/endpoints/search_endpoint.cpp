// /search, /search/INDEX: GET searches, POST is partial search (erchef chef_wm_search,
// chef_wm_search_index and chef_wm_search_core; chef-zero search endpoint). Answers
// {"rows": [...], "start": N, "total": N}: full objects as stored (data bag items in the
// Chef::DataBagItem wrapper), or for partial search {"url": ..., "data": {alias: value}}.
// The query runs on the org's search catalog, which the store keeps current on every write.
#include <charconv>
#include <limits>

#include "proofbox/zero/api/endpoints.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/search/documents.hpp"
#include "proofbox/zero/search/org_catalog.hpp"

namespace proofbox::zero::api {
namespace {

constexpr std::size_t kDefaultRows = 1000;  // erchef's default page

struct SearchRequest {
  std::string index;
  search::QueryNode query;
  std::string sort;
  std::size_t start = 0;
  std::size_t rows = kDefaultRows;
  std::shared_ptr<store::Collection> objects;  // where the rows come from; null: none yet
};

std::size_t count_param(const Context& ctx, std::string_view name, std::size_t fallback) {
  auto value = ctx.request.query_param(name);
  if (!value) return fallback;
  std::size_t n = 0;
  const char* end = value->data() + value->size();
  auto [p, ec] = std::from_chars(value->data(), end, n);
  if (value->empty() || ec != std::errc() || p != end) {
    throw bad_request("invalid '" + std::string(name) + "' value: '" + std::string(*value) + "'");
  }
  return n;
}

const char* kind_of_builtin(std::string_view index) {
  if (index == "node") return "nodes";
  if (index == "role") return "roles";
  if (index == "environment") return "environments";
  return "clients";
}

SearchRequest read_request(Context& ctx) {
  SearchRequest r;
  r.index = ctx.param(0);
  const std::string q(ctx.request.query_param("q").value_or("*:*"));
  try {
    r.query = search::parse_query(q);
  } catch (const search::QueryError&) {
    throw bad_request("invalid search query: '" + q + "'");
  }
  r.sort = std::string(ctx.request.query_param("sort").value_or(""));
  r.start = count_param(ctx, "start", 0);
  r.rows = count_param(ctx, "rows", kDefaultRows);
  if (search::Catalog::is_builtin(r.index)) {
    r.objects = ctx.org->collection(kind_of_builtin(r.index));
  } else {
    if (!ctx.org->data_bags().contains(r.index)) {
      throw not_found("I don't know how to search for " + r.index + " data objects.");
    }
    r.objects = ctx.org->find("data/" + r.index);
  }
  return r;
}

// The matching ids of this page with their stored documents (skipping any deleted meanwhile).
struct Page {
  std::size_t total = 0;
  std::vector<std::pair<std::string, store::Document>> rows;
};

Page run(Context& ctx, const SearchRequest& r) {
  Page page;
  auto index = search::org_catalog(ctx.org)->find(r.index);
  if (!index || !r.objects) return page;
  search::QueryResult result = index->query(r.query, r.sort, r.start, r.rows);
  page.total = result.total;
  page.rows.reserve(result.ids.size());
  for (std::string& id : result.ids) {
    if (store::Document doc = r.objects->get(id)) page.rows.emplace_back(std::move(id), doc);
  }
  return page;
}

// Stored documents are JSON text already: rows are spliced in without re-serialising.
http::Response rows_response(std::size_t start, std::size_t total,
                             const std::vector<std::string_view>& rows) {
  std::size_t size = 64;
  for (std::string_view row : rows) size += row.size() + 1;
  http::Response resp;
  resp.status = 200;
  resp.body.reserve(size);
  resp.body += "{\"rows\":[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i) resp.body.push_back(',');
    resp.body += rows[i];
  }
  resp.body += "],\"start\":" + std::to_string(start) + ",\"total\":" + std::to_string(total) + "}";
  return resp;
}

http::Response search(Context& ctx) {
  SearchRequest r = read_request(ctx);
  Page page = run(ctx, r);
  const bool bag = !search::Catalog::is_builtin(r.index);
  std::vector<std::string> wrapped;  // data bag rows, which need the item wrapper
  if (bag) wrapped.reserve(page.rows.size());
  std::vector<std::string_view> rows;
  rows.reserve(page.rows.size());
  for (const auto& [id, doc] : page.rows) {
    if (bag) {
      wrapped.push_back(search::data_bag_item_row(Json::parse(*doc), r.index).dump());
      rows.push_back(wrapped.back());
    } else {
      rows.push_back(*doc);
    }
  }
  return rows_response(r.start, page.total, rows);
}

// {alias: [key, key, ...]} with every path a list of strings.
std::vector<std::pair<std::string, std::vector<std::string>>> read_paths(const Context& ctx) {
  const std::string kInvalid = "invalid partial search request body";
  Json body = Json::parse(ctx.request.body, nullptr, false);
  if (!body.is_object()) throw bad_request(kInvalid);
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& [alias, path] : body.items()) {
    if (!path.is_array()) throw bad_request(kInvalid);
    std::vector<std::string> keys;
    for (const Json& k : path) {
      if (!k.is_string()) throw bad_request(kInvalid);
      keys.push_back(k.get<std::string>());
    }
    out.emplace_back(alias, std::move(keys));
  }
  return out;
}

std::string row_url(const Context& ctx, const std::string& index, const std::string& id) {
  if (!search::Catalog::is_builtin(index)) return ctx.org_url({"data", index, id});
  return ctx.org_url({kind_of_builtin(index), id});
}

Json extract(const Json& doc, const std::vector<std::string>& path) {
  if (path.empty()) return nullptr;
  const Json* v = &doc;
  for (const std::string& key : path) {
    if (!v->is_object()) return nullptr;
    auto it = v->find(key);
    if (it == v->end()) return nullptr;
    v = &*it;
  }
  return *v;
}

http::Response partial_search(Context& ctx) {
  SearchRequest r = read_request(ctx);
  const auto paths = read_paths(ctx);
  Page page = run(ctx, r);
  std::vector<std::string> rows;
  rows.reserve(page.rows.size());
  for (const auto& [id, text] : page.rows) {
    Json doc = Json::parse(*text);
    // Nodes answer from their merged attributes, as they are indexed.
    if (r.index == "node") doc = search::node_for_indexing(doc);
    Json data = Json::object();
    for (const auto& [alias, path] : paths) data[alias] = extract(doc, path);
    rows.push_back(Json{{"url", row_url(ctx, r.index, id)}, {"data", std::move(data)}}.dump());
  }
  return rows_response(r.start, page.total, {rows.begin(), rows.end()});
}

}  // namespace

void register_search_endpoints(Router& router) {
  router.add(Scope::kOrg, "search", "GET", [](Context& ctx) {
    Json out = Json::object();
    for (const char* index : {"node", "role", "client", "environment"}) {
      out[index] = ctx.org_url({"search", index});
    }
    for (const std::string& bag : ctx.org->data_bags().names()) {
      out[bag] = ctx.org_url({"search", bag});
    }
    return http::Response::json(200, out);
  });
  router.add(Scope::kOrg, "search/:index", "GET", search);
  router.add(Scope::kOrg, "search/:index", "POST", partial_search);
}

}  // namespace proofbox::zero::api
