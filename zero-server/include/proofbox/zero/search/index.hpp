#pragma once
// One search index (all nodes of an org, or one data bag's items): an inverted index from
// (field, value) terms to the documents holding them. Field names and values are interned once
// in sorted dictionaries (so prefixes, wildcards and ranges walk a slice of one dictionary) and
// each term's documents are a posting list (one id inline, a roaring bitmap beyond). A document
// keeps only the ids of its terms, so replacing or removing it touches only its own postings.
// Thread-safe: writes take the index exclusively, queries share it.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <roaring/roaring.hh>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/search/query.hpp"

namespace proofbox::zero::search {

// One searchable fact about a document: `field` holds `value`, or (no value) `field` is present.
struct Entry {
  std::string field;
  std::optional<std::string> value;
};
using Entries = std::vector<Entry>;

struct QueryResult {
  std::vector<std::string> ids;  // the requested page, in sort order
  std::size_t total = 0;         // every match, regardless of paging
};

inline constexpr std::size_t kAllRows = std::numeric_limits<std::size_t>::max();

class Index {
 public:
  Index();
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // Adds the document `id`, or replaces what it held.
  void put(std::string_view id, const Entries& entries);
  // Flattens `document` (see flatten.hpp) and puts it.
  void put_json(std::string_view id, const Json& document);
  bool remove(std::string_view id);  // false when absent
  void clear();

  bool contains(std::string_view id) const;
  std::size_t size() const;
  std::size_t term_count() const;  // distinct (field, value) terms, presence terms included

  // Runs a query. `sort` is "FIELD [asc|desc]" (empty: by id, ascending); documents without the
  // field sort last, ties by id. Throws QueryError when `query` is malformed.
  QueryResult query(std::string_view query, std::string_view sort = "", std::size_t start = 0,
                    std::size_t rows = kAllRows) const;
  QueryResult query(const QueryNode& query, std::string_view sort = "", std::size_t start = 0,
                    std::size_t rows = kAllRows) const;

 private:
  // The documents of one term: the first inline, a bitmap once there are more.
  class Posting {
   public:
    void add(std::uint32_t doc);
    void remove(std::uint32_t doc);
    bool empty() const;
    void or_into(Roaring& out) const;
    Roaring bitmap() const;

   private:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t single_ = kNone;
    std::unique_ptr<Roaring> many_;
  };
  struct FieldTerms {
    std::map<std::string, std::uint32_t, std::less<>> values;  // value -> term id
    std::uint32_t presence = 0;                                // term id of "field is present"
  };
  struct Term {
    Posting docs;
    FieldTerms* field = nullptr;              // null for a free slot
    const std::string* field_name = nullptr;  // key of `fields_`
    const std::string* value = nullptr;       // key of field->values; null for presence
  };
  struct Doc {
    std::string id;
    std::vector<std::uint32_t> terms;  // sorted term ids
  };

  std::uint32_t intern(std::string_view field, const std::optional<std::string>& value);
  std::uint32_t new_term(FieldTerms* field, const std::string* field_name,
                         const std::string* value);
  void drop_terms(std::uint32_t doc, const std::vector<std::uint32_t>& terms);
  void release_if_empty(const std::vector<std::uint32_t>& candidates);

  Roaring eval(const QueryNode& node) const;
  Roaring eval_term(const QueryNode& node) const;
  Roaring eval_range(const QueryNode& node) const;
  Roaring eval_group(const QueryNode& node) const;
  Roaring eval_and(const QueryNode& node) const;
  template <typename Visit>
  void for_fields(const std::optional<Pattern>& field, Visit&& visit) const;
  std::vector<std::uint32_t> order(const Roaring& matches, std::string_view sort,
                                   std::size_t wanted) const;

  mutable std::shared_mutex mu_;
  std::map<std::string, FieldTerms, std::less<>> fields_;
  std::vector<Term> terms_;
  std::vector<std::uint32_t> free_terms_;
  std::unordered_map<std::string, std::uint32_t> by_id_;
  std::vector<Doc> docs_;
  std::vector<std::uint32_t> free_docs_;
  Roaring live_;
};

}  // namespace proofbox::zero::search
