#pragma once
// A thread-safe map from object name to its stored document. Documents are immutable JSON texts
// shared by pointer: a GET hands out the text without re-serialising, a write swaps the pointer.
// The map is split into shards, each with its own reader/writer lock, so concurrent requests on
// different objects never wait on each other.
#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace proofbox::zero::store {

using Document = std::shared_ptr<const std::string>;

inline Document make_document(std::string text) {
  return std::make_shared<const std::string>(std::move(text));
}

// Called after every change: (name, previous document or null, new document or null).
// Runs under the shard lock, so it must be quick and must not touch this collection.
using ChangeObserver =
    std::function<void(std::string_view name, const Document& before, const Document& after)>;

enum class RenameResult { kOk, kMissing, kTaken };

class Collection {
 public:
  Collection() = default;
  Collection(const Collection&) = delete;
  Collection& operator=(const Collection&) = delete;

  Document get(std::string_view name) const;
  bool contains(std::string_view name) const;
  std::vector<std::string> names() const;  // sorted
  std::size_t size() const;

  bool create(std::string_view name, Document doc);   // false when the name is taken
  bool replace(std::string_view name, Document doc);  // false when the name is absent
  void put(std::string_view name, Document doc);      // create or replace
  Document erase(std::string_view name);              // the removed document, or null
  // Moves `from` to `to` with the new document, atomically for readers of either name.
  RenameResult rename(std::string_view from, std::string_view to, Document doc);
  void clear();

  // Read-modify-write of one object under its shard lock. `update` gets the current document
  // (null when absent) and returns the new one (null erases). Returns the new document.
  Document update(std::string_view name, const std::function<Document(const Document&)>& update);

  // Visits every (name, document) pair; holds one shard's read lock at a time.
  void for_each(const std::function<void(const std::string&, const Document&)>& visit) const;

  void set_observer(ChangeObserver observer);
  // Sets the observer and replays every stored object to it as a creation, with all shards
  // write-locked: an observer attached to a live collection misses no write and sees none twice.
  void attach_observer(ChangeObserver observer);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Shard {
    mutable std::shared_mutex mu;
    std::unordered_map<std::string, Document, Hash, std::equal_to<>> map;
  };
  static constexpr std::size_t kShards = 16;

  Shard& shard_for(std::string_view name) { return shards_[Hash{}(name) % kShards]; }
  const Shard& shard_for(std::string_view name) const { return shards_[Hash{}(name) % kShards]; }
  void notify(std::string_view name, const Document& before, const Document& after) const;

  std::array<Shard, kShards> shards_;
  ChangeObserver observer_;
};

}  // namespace proofbox::zero::store
