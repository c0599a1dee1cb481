#pragma once
// One organization's objects. Each object kind is its own Collection, made on first use, so new
// endpoints add kinds without touching the store. The kinds and what their documents hold:
//   nodes, roles, environments, clients      name -> JSON object
//   data                                     bag name -> {} ; data/BAG: item id -> item JSON
//   client_keys/CLIENT                       key name -> key JSON
//   checksums                                lowercase MD5 hex -> the file's raw bytes
//   sandboxes                                sandbox id -> JSON (checksums, create time)
//   cookbooks/NAME                           version "x.y.z" -> cookbook version JSON (v2 form)
//   cookbook_artifacts/NAME                  identifier -> artifact JSON
//   policies/NAME                            revision id -> policy JSON
//   policy_groups                            group name -> {"policies": {NAME: revision id}}
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "proofbox/zero/store/collection.hpp"

namespace proofbox::zero::store {

class Org;

// Told when an org makes a collection, so an index can observe it.
using CollectionCreated = std::function<void(Org&, std::string_view kind, Collection&)>;

class Org {
 public:
  explicit Org(std::string name) : name_(std::move(name)) {}
  Org(const Org&) = delete;
  Org& operator=(const Org&) = delete;

  const std::string& name() const { return name_; }

  // The collection for `kind`, created empty when missing.
  std::shared_ptr<Collection> collection(std::string_view kind);
  // The collection for `kind`, or null when it was never made (or was dropped).
  std::shared_ptr<Collection> find(std::string_view kind) const;
  // Forgets a collection (a deleted data bag's items); true when it existed.
  bool drop(std::string_view kind);
  // Names of the kinds that start with `prefix`, with the prefix removed, sorted.
  std::vector<std::string> kinds_with_prefix(std::string_view prefix) const;

  void set_collection_created(CollectionCreated hook);

  // Shorthands for the kinds every org has.
  Collection& nodes() { return *collection("nodes"); }
  Collection& roles() { return *collection("roles"); }
  Collection& environments() { return *collection("environments"); }
  Collection& clients() { return *collection("clients"); }
  Collection& data_bags() { return *collection("data"); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::string name_;
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<Collection>, Hash, std::equal_to<>> kinds_;
  CollectionCreated on_created_;
};

}  // namespace proofbox::zero::store
