#include "proofbox/zero/store/collection.hpp"

#include <algorithm>
#include <mutex>

namespace proofbox::zero::store {

Document Collection::get(std::string_view name) const {
  const Shard& s = shard_for(name);
  std::shared_lock lock(s.mu);
  auto it = s.map.find(name);
  return it == s.map.end() ? nullptr : it->second;
}

bool Collection::contains(std::string_view name) const {
  const Shard& s = shard_for(name);
  std::shared_lock lock(s.mu);
  return s.map.find(name) != s.map.end();
}

std::vector<std::string> Collection::names() const {
  std::vector<std::string> out;
  for (const Shard& s : shards_) {
    std::shared_lock lock(s.mu);
    for (const auto& [k, v] : s.map) out.push_back(k);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t Collection::size() const {
  std::size_t n = 0;
  for (const Shard& s : shards_) {
    std::shared_lock lock(s.mu);
    n += s.map.size();
  }
  return n;
}

bool Collection::create(std::string_view name, Document doc) {
  Shard& s = shard_for(name);
  std::unique_lock lock(s.mu);
  auto [it, inserted] = s.map.try_emplace(std::string(name), doc);
  if (inserted) notify(name, nullptr, doc);
  return inserted;
}

bool Collection::replace(std::string_view name, Document doc) {
  Shard& s = shard_for(name);
  std::unique_lock lock(s.mu);
  auto it = s.map.find(name);
  if (it == s.map.end()) return false;
  Document before = std::move(it->second);
  it->second = doc;
  notify(name, before, doc);
  return true;
}

void Collection::put(std::string_view name, Document doc) {
  Shard& s = shard_for(name);
  std::unique_lock lock(s.mu);
  auto it = s.map.find(name);
  if (it == s.map.end()) {
    s.map.emplace(std::string(name), doc);
    notify(name, nullptr, doc);
  } else {
    Document before = std::move(it->second);
    it->second = doc;
    notify(name, before, doc);
  }
}

Document Collection::erase(std::string_view name) {
  Shard& s = shard_for(name);
  std::unique_lock lock(s.mu);
  auto it = s.map.find(name);
  if (it == s.map.end()) return nullptr;
  Document before = std::move(it->second);
  s.map.erase(it);
  notify(name, before, nullptr);
  return before;
}

RenameResult Collection::rename(std::string_view from, std::string_view to, Document doc) {
  if (from == to) return replace(from, std::move(doc)) ? RenameResult::kOk : RenameResult::kMissing;
  Shard& a = shard_for(from);
  Shard& b = shard_for(to);
  // Lock both shards in address order so two opposite renames cannot deadlock.
  std::unique_lock<std::shared_mutex> first, second;
  if (&a == &b) {
    first = std::unique_lock(a.mu);
  } else if (&a < &b) {
    first = std::unique_lock(a.mu);
    second = std::unique_lock(b.mu);
  } else {
    first = std::unique_lock(b.mu);
    second = std::unique_lock(a.mu);
  }
  auto it = a.map.find(from);
  if (it == a.map.end()) return RenameResult::kMissing;
  if (b.map.find(to) != b.map.end()) return RenameResult::kTaken;
  Document before = std::move(it->second);
  a.map.erase(it);
  b.map.emplace(std::string(to), doc);
  notify(from, before, nullptr);
  notify(to, nullptr, doc);
  return RenameResult::kOk;
}

void Collection::clear() {
  for (Shard& s : shards_) {
    std::unique_lock lock(s.mu);
    for (const auto& [k, v] : s.map) notify(k, v, nullptr);
    s.map.clear();
  }
}

Document Collection::update(std::string_view name,
                            const std::function<Document(const Document&)>& update) {
  Shard& s = shard_for(name);
  std::unique_lock lock(s.mu);
  auto it = s.map.find(name);
  Document before = it == s.map.end() ? nullptr : it->second;
  Document after = update(before);
  if (after == before) return after;
  if (!after) {
    s.map.erase(it);
  } else if (it == s.map.end()) {
    s.map.emplace(std::string(name), after);
  } else {
    it->second = after;
  }
  notify(name, before, after);
  return after;
}

void Collection::for_each(
    const std::function<void(const std::string&, const Document&)>& visit) const {
  for (const Shard& s : shards_) {
    std::shared_lock lock(s.mu);
    for (const auto& [k, v] : s.map) visit(k, v);
  }
}

void Collection::set_observer(ChangeObserver observer) {
  observer_ = std::move(observer);
}

void Collection::attach_observer(ChangeObserver observer) {
  // Always in shard order, as rename() locks its two shards in address order.
  std::vector<std::unique_lock<std::shared_mutex>> locks;
  locks.reserve(kShards);
  for (Shard& s : shards_) locks.emplace_back(s.mu);
  observer_ = std::move(observer);
  for (const Shard& s : shards_) {
    for (const auto& [k, v] : s.map) notify(k, nullptr, v);
  }
}

void Collection::notify(std::string_view name, const Document& before,
                        const Document& after) const {
  if (observer_) observer_(name, before, after);
}

}  // namespace proofbox::zero::store
