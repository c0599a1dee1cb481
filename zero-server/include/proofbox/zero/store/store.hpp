#pragma once
// The whole server's state: organizations and the server-wide objects (users and their keys).
// Thread-safe; usable as a library with no HTTP.
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "proofbox/zero/store/collection.hpp"
#include "proofbox/zero/store/org.hpp"

namespace proofbox::zero::store {

class Store {
 public:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  std::shared_ptr<Org> org(std::string_view name) const;   // null when absent
  std::shared_ptr<Org> create_org(std::string_view name);  // null when it exists
  bool delete_org(std::string_view name);
  std::vector<std::string> org_names() const;  // sorted

  // Server-wide collections: "users", "organizations" (the org documents),
  // "user_keys/NAME", "associations/ORG" ...
  std::shared_ptr<Collection> collection(std::string_view kind) { return global_.collection(kind); }
  std::shared_ptr<Collection> find(std::string_view kind) const { return global_.find(kind); }
  bool drop(std::string_view kind) { return global_.drop(kind); }
  Collection& users() { return *global_.collection("users"); }
  Collection& organizations() { return *global_.collection("organizations"); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<Org>, Hash, std::equal_to<>> orgs_;
  Org global_{""};
};

}  // namespace proofbox::zero::store
