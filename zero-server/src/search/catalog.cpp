#include "proofbox/zero/search/catalog.hpp"

#include <mutex>

#include "proofbox/zero/search/documents.hpp"
#include "proofbox/zero/search/flatten.hpp"

namespace proofbox::zero::search {

bool Catalog::is_builtin(std::string_view index) {
  return index == "node" || index == "role" || index == "environment" || index == "client";
}

std::shared_ptr<Index> Catalog::index_for(std::string_view index) {
  {
    std::shared_lock lock(mu_);
    if (auto it = indexes_.find(index); it != indexes_.end()) return it->second;
  }
  std::unique_lock lock(mu_);
  auto [it, inserted] = indexes_.try_emplace(std::string(index), nullptr);
  if (inserted) it->second = std::make_shared<Index>();
  return it->second;
}

void Catalog::put(std::string_view index, std::string_view id, const Json& object) {
  Entries entries;
  if (index == "node") {
    entries = flatten(node_for_indexing(object));
  } else if (is_builtin(index)) {
    entries = flatten(object);
  } else {
    entries = flatten(data_bag_item_for_indexing(object, index));
  }
  index_for(index)->put(id, entries);
}

void Catalog::remove(std::string_view index, std::string_view id) {
  if (auto found = find(index)) index_for(index)->remove(id);
}

std::shared_ptr<const Index> Catalog::find(std::string_view index) const {
  std::shared_lock lock(mu_);
  auto it = indexes_.find(index);
  return it == indexes_.end() ? nullptr : it->second;
}

QueryResult Catalog::query(std::string_view index, std::string_view query, std::string_view sort,
                           std::size_t start, std::size_t rows) const {
  QueryNode parsed = parse_query(query);  // malformed queries fail even on empty indexes
  auto found = find(index);
  if (!found) return {};
  return found->query(parsed, sort, start, rows);
}

}  // namespace proofbox::zero::search
