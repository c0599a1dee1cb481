#pragma once
// The search indexes of one organization, by index name: `node`, `role`, `environment`,
// `client`, and one per data bag (named after the bag). Takes Chef objects as stored and
// indexes the document the Chef server would (documents.hpp). Usable with no store and no HTTP:
// unit specs put stubbed nodes and data bag items straight into a Catalog. Thread-safe.
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/search/index.hpp"

namespace proofbox::zero::search {

class Catalog {
 public:
  // node, role, environment, client: every other index name is a data bag.
  static bool is_builtin(std::string_view index);

  // Adds or replaces object `id` (a node, role... or an item of data bag `index`).
  void put(std::string_view index, std::string_view id, const Json& object);
  void remove(std::string_view index, std::string_view id);

  // The index, or null when nothing was ever put into it.
  std::shared_ptr<const Index> find(std::string_view index) const;
  // Runs `query` on `index` (an index never written to matches nothing). Throws QueryError.
  QueryResult query(std::string_view index, std::string_view query, std::string_view sort = "",
                    std::size_t start = 0, std::size_t rows = kAllRows) const;

 private:
  std::shared_ptr<Index> index_for(std::string_view index);

  mutable std::shared_mutex mu_;
  std::map<std::string, std::shared_ptr<Index>, std::less<>> indexes_;
};

}  // namespace proofbox::zero::search
