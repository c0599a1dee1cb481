// The inverted index: interning, posting maintenance and paging (index.hpp). Query evaluation
// lives in query_eval.cpp.
#include "proofbox/zero/search/index.hpp"

#include <algorithm>
#include <mutex>

#include "proofbox/zero/search/flatten.hpp"

namespace proofbox::zero::search {

void Index::Posting::add(std::uint32_t doc) {
  if (many_) {
    many_->add(doc);
  } else if (single_ == kNone) {
    single_ = doc;
  } else if (single_ != doc) {
    many_ = std::make_unique<Roaring>();
    many_->add(single_);
    many_->add(doc);
    single_ = kNone;
  }
}

void Index::Posting::remove(std::uint32_t doc) {
  if (many_) {
    many_->remove(doc);
    if (many_->isEmpty()) many_.reset();
  } else if (single_ == doc) {
    single_ = kNone;
  }
}

bool Index::Posting::empty() const {
  return !many_ && single_ == kNone;
}

void Index::Posting::or_into(Roaring& out) const {
  if (many_) {
    out |= *many_;
  } else if (single_ != kNone) {
    out.add(single_);
  }
}

Roaring Index::Posting::bitmap() const {
  if (many_) return *many_;
  Roaring out;
  if (single_ != kNone) out.add(single_);
  return out;
}

Index::Index() = default;
Index::~Index() = default;

std::uint32_t Index::new_term(FieldTerms* field, const std::string* field_name,
                              const std::string* value) {
  std::uint32_t id;
  if (!free_terms_.empty()) {
    id = free_terms_.back();
    free_terms_.pop_back();
  } else {
    id = static_cast<std::uint32_t>(terms_.size());
    terms_.emplace_back();
  }
  Term& t = terms_[id];
  t.field = field;
  t.field_name = field_name;
  t.value = value;
  return id;
}

std::uint32_t Index::intern(std::string_view field, const std::optional<std::string>& value) {
  auto fit = fields_.find(field);
  if (fit == fields_.end()) {
    fit = fields_.emplace(std::string(field), FieldTerms{}).first;
    fit->second.presence = new_term(&fit->second, &fit->first, nullptr);
  }
  FieldTerms& f = fit->second;
  if (!value) return f.presence;
  auto vit = f.values.find(*value);
  if (vit == f.values.end()) {
    vit = f.values.emplace(*value, 0).first;
    vit->second = new_term(&f, &fit->first, &vit->first);
  }
  return vit->second;
}

void Index::put(std::string_view id, const Entries& entries) {
  std::unique_lock lock(mu_);
  std::vector<std::uint32_t> terms;
  terms.reserve(entries.size() * 2);
  for (const Entry& e : entries) {
    std::uint32_t t = intern(e.field, e.value);
    terms.push_back(t);
    if (e.value) terms.push_back(terms_[t].field->presence);
  }
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  terms.shrink_to_fit();

  std::uint32_t doc;
  std::vector<std::uint32_t> old;
  if (auto it = by_id_.find(std::string(id)); it != by_id_.end()) {
    doc = it->second;
    old = std::move(docs_[doc].terms);
  } else if (!free_docs_.empty()) {
    doc = free_docs_.back();
    free_docs_.pop_back();
    docs_[doc].id = std::string(id);
    by_id_.emplace(std::string(id), doc);
  } else {
    doc = static_cast<std::uint32_t>(docs_.size());
    docs_.push_back({std::string(id), {}});
    by_id_.emplace(std::string(id), doc);
  }
  for (std::uint32_t t : terms) terms_[t].docs.add(doc);
  std::vector<std::uint32_t> gone;
  std::set_difference(old.begin(), old.end(), terms.begin(), terms.end(), std::back_inserter(gone));
  drop_terms(doc, gone);
  docs_[doc].terms = std::move(terms);
  live_.add(doc);
}

void Index::put_json(std::string_view id, const Json& document) {
  put(id, flatten(document));
}

void Index::drop_terms(std::uint32_t doc, const std::vector<std::uint32_t>& terms) {
  for (std::uint32_t t : terms) terms_[t].docs.remove(doc);
  release_if_empty(terms);
}

// Frees terms no document holds any more, so churning values (uptimes, timestamps) do not pile
// up. Value terms go first: a field's presence term empties only after all its values have.
void Index::release_if_empty(const std::vector<std::uint32_t>& candidates) {
  for (int pass = 0; pass < 2; ++pass) {
    for (std::uint32_t t : candidates) {
      Term& term = terms_[t];
      if (term.field == nullptr || !term.docs.empty()) continue;
      const bool presence = term.value == nullptr;
      if (presence != (pass == 1)) continue;
      if (presence) {
        fields_.erase(*term.field_name);
      } else {
        term.field->values.erase(*term.value);
      }
      term = Term{};
      free_terms_.push_back(t);
    }
  }
}

bool Index::remove(std::string_view id) {
  std::unique_lock lock(mu_);
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return false;
  const std::uint32_t doc = it->second;
  by_id_.erase(it);
  std::vector<std::uint32_t> terms = std::move(docs_[doc].terms);
  drop_terms(doc, terms);
  docs_[doc] = Doc{};
  free_docs_.push_back(doc);
  live_.remove(doc);
  return true;
}

void Index::clear() {
  std::unique_lock lock(mu_);
  fields_.clear();
  terms_.clear();
  free_terms_.clear();
  by_id_.clear();
  docs_.clear();
  free_docs_.clear();
  live_ = Roaring();
}

bool Index::contains(std::string_view id) const {
  std::shared_lock lock(mu_);
  return by_id_.count(std::string(id)) != 0;
}

std::size_t Index::size() const {
  std::shared_lock lock(mu_);
  return by_id_.size();
}

std::size_t Index::term_count() const {
  std::shared_lock lock(mu_);
  return terms_.size() - free_terms_.size();
}

QueryResult Index::query(std::string_view query, std::string_view sort, std::size_t start,
                         std::size_t rows) const {
  return this->query(parse_query(query), sort, start, rows);
}

QueryResult Index::query(const QueryNode& query, std::string_view sort, std::size_t start,
                         std::size_t rows) const {
  std::shared_lock lock(mu_);
  Roaring matches = eval(query);
  QueryResult out;
  out.total = matches.cardinality();
  if (start >= out.total || rows == 0) return out;
  const std::size_t wanted = rows >= out.total - start ? out.total : start + rows;
  std::vector<std::uint32_t> ordered = order(matches, sort, wanted);
  out.ids.reserve(wanted - start);
  for (std::size_t i = start; i < wanted; ++i) out.ids.push_back(docs_[ordered[i]].id);
  return out;
}

}  // namespace proofbox::zero::search
