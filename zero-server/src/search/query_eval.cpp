// Evaluating a parsed query against the index: every clause becomes a bitmap of document ids,
// built from the postings of the terms it names. Literal terms are one dictionary lookup;
// wildcards and ranges walk only the slice of the sorted dictionary their prefix or bounds allow.
#include <algorithm>
#include <cctype>

#include "proofbox/zero/search/index.hpp"

namespace proofbox::zero::search {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Visits the entries of a sorted map whose keys match `p` (all keys when `p` is null).
template <typename Map, typename Visit>
void for_matching(const Map& map, const Pattern* p, Visit&& visit) {
  if (p == nullptr) {
    for (const auto& kv : map) visit(kv.second);
    return;
  }
  if (!p->wildcard) {
    if (auto it = map.find(p->text); it != map.end()) visit(it->second);
    return;
  }
  const std::string prefix = literal_prefix(p->pattern);
  for (auto it = map.lower_bound(prefix); it != map.end() && starts_with(it->first, prefix); ++it) {
    if (glob_match(p->pattern, it->first)) visit(it->second);
  }
}

}  // namespace

template <typename Visit>
void Index::for_fields(const std::optional<Pattern>& field, Visit&& visit) const {
  const Pattern* p = field && !field->is_star() ? &*field : nullptr;
  for_matching(fields_, p, visit);
}

Roaring Index::eval(const QueryNode& node) const {
  switch (node.kind) {
    case QueryNode::Kind::kAll:
      return live_;
    case QueryNode::Kind::kTerm:
      return eval_term(node);
    case QueryNode::Kind::kRange:
      return eval_range(node);
    case QueryNode::Kind::kGroup:
      return eval_group(node);
    case QueryNode::Kind::kAnd:
      return eval_and(node);
  }
  return Roaring();
}

Roaring Index::eval_term(const QueryNode& node) const {
  Roaring out;
  const Pattern& v = node.value;
  // A single literal term: hand back its posting without a union.
  if (node.field && !node.field->wildcard && !v.wildcard) {
    auto fit = fields_.find(node.field->text);
    if (fit == fields_.end()) return out;
    auto vit = fit->second.values.find(v.text);
    return vit == fit->second.values.end() ? out : terms_[vit->second].docs.bitmap();
  }
  for_fields(node.field, [&](const FieldTerms& f) {
    if (v.is_star()) {
      terms_[f.presence].docs.or_into(out);
    } else {
      for_matching(f.values, &v, [&](std::uint32_t t) { terms_[t].docs.or_into(out); });
    }
  });
  return out;
}

Roaring Index::eval_range(const QueryNode& node) const {
  Roaring out;
  for_fields(node.field, [&](const FieldTerms& f) {
    auto it = node.lower ? f.values.lower_bound(*node.lower) : f.values.begin();
    if (node.lower && !node.lower_inclusive && it != f.values.end() && it->first == *node.lower) {
      ++it;
    }
    for (; it != f.values.end(); ++it) {
      if (node.upper) {
        const int c = it->first.compare(*node.upper);
        if (c > 0 || (c == 0 && !node.upper_inclusive)) break;
      }
      terms_[it->second].docs.or_into(out);
    }
  });
  return out;
}

// Lucene's boolean query: with any `+` clause the matches are their intersection, otherwise
// the union of the plain clauses (or everything, when there are only negative clauses); then
// the `-`/NOT clauses are removed.
Roaring Index::eval_group(const QueryNode& node) const {
  std::optional<Roaring> must;
  Roaring should, must_not;
  bool any_should = false;
  for (const auto& [occur, child] : node.clauses) {
    switch (occur) {
      case Occur::kMust: {
        Roaring r = eval(child);
        if (must) {
          *must &= r;
        } else {
          must = std::move(r);
        }
        break;
      }
      case Occur::kShould:
        should |= eval(child);
        any_should = true;
        break;
      case Occur::kMustNot:
        must_not |= eval(child);
        break;
    }
  }
  Roaring out = must ? std::move(*must) : any_should ? std::move(should) : live_;
  out -= must_not;
  return out;
}

Roaring Index::eval_and(const QueryNode& node) const {
  std::optional<Roaring> out;
  Roaring excluded;
  for (const auto& [occur, child] : node.clauses) {
    if (occur == Occur::kMustNot) {
      excluded |= eval(child);
      continue;
    }
    Roaring r = eval(child);
    if (out) {
      *out &= r;
    } else {
      out = std::move(r);
    }
  }
  Roaring result = out ? std::move(*out) : live_;
  result -= excluded;
  return result;
}

// The first `wanted` matches in sort order (the rest unordered behind them).
std::vector<std::uint32_t> Index::order(const Roaring& matches, std::string_view sort,
                                        std::size_t wanted) const {
  std::vector<std::uint32_t> ids(matches.cardinality());
  matches.toUint32Array(ids.data());
  auto by_id = [&](std::uint32_t a, std::uint32_t b) { return docs_[a].id < docs_[b].id; };

  // "FIELD [asc|desc]"
  std::string_view s = sort;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  const std::size_t sp = s.find_first_of(" \t");
  std::string_view field = s.substr(0, sp);
  std::string direction = sp == std::string_view::npos ? "" : std::string(s.substr(sp + 1));
  direction.erase(std::remove_if(direction.begin(), direction.end(),
                                 [](unsigned char c) { return std::isspace(c); }),
                  direction.end());
  for (char& c : direction) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool descending = direction == "desc";

  auto fit = field.empty() ? fields_.end() : fields_.find(field);
  if (fit == fields_.end()) {
    // By id (the name); also the order for sort keys no document has.
    if (descending) {
      std::partial_sort(ids.begin(), ids.begin() + wanted, ids.end(),
                        [&](std::uint32_t a, std::uint32_t b) { return by_id(b, a); });
    } else {
      std::partial_sort(ids.begin(), ids.begin() + wanted, ids.end(), by_id);
    }
    return ids;
  }
  // Rank each match by its smallest value of the field, walking the field's sorted values.
  constexpr std::uint32_t kUnranked = std::numeric_limits<std::uint32_t>::max();
  std::unordered_map<std::uint32_t, std::uint32_t> rank;
  rank.reserve(ids.size());
  std::uint32_t next = 0;
  for (const auto& [value, term] : fit->second.values) {
    Roaring hit = terms_[term].docs.bitmap();
    hit &= matches;
    for (std::uint32_t d : hit) rank.try_emplace(d, next);
    ++next;
    if (rank.size() == ids.size()) break;
  }
  auto rank_of = [&](std::uint32_t d) {
    auto it = rank.find(d);
    if (it == rank.end()) return kUnranked;
    return descending ? kUnranked - 1 - it->second : it->second;
  };
  std::partial_sort(ids.begin(), ids.begin() + wanted, ids.end(),
                    [&](std::uint32_t a, std::uint32_t b) {
                      const std::uint32_t ra = rank_of(a), rb = rank_of(b);
                      return ra != rb ? ra < rb : by_id(a, b);
                    });
  return ids;
}

}  // namespace proofbox::zero::search
