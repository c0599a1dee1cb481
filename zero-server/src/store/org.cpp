#include "proofbox/zero/store/org.hpp"

#include <algorithm>
#include <mutex>

namespace proofbox::zero::store {

std::shared_ptr<Collection> Org::collection(std::string_view kind) {
  {
    std::shared_lock lock(mu_);
    auto it = kinds_.find(kind);
    if (it != kinds_.end()) return it->second;
  }
  std::unique_lock lock(mu_);
  auto [it, inserted] = kinds_.try_emplace(std::string(kind), nullptr);
  if (inserted) {
    it->second = std::make_shared<Collection>();
    if (on_created_) on_created_(*this, kind, *it->second);
  }
  return it->second;
}

std::shared_ptr<Collection> Org::find(std::string_view kind) const {
  std::shared_lock lock(mu_);
  auto it = kinds_.find(kind);
  return it == kinds_.end() ? nullptr : it->second;
}

bool Org::drop(std::string_view kind) {
  std::shared_ptr<Collection> dropped;
  {
    std::unique_lock lock(mu_);
    auto it = kinds_.find(kind);
    if (it == kinds_.end()) return false;
    dropped = std::move(it->second);
    kinds_.erase(it);
  }
  dropped->clear();  // observers hear about each removed object
  return true;
}

std::vector<std::string> Org::kinds_with_prefix(std::string_view prefix) const {
  std::vector<std::string> out;
  std::shared_lock lock(mu_);
  for (const auto& [k, v] : kinds_) {
    if (k.size() > prefix.size() && std::string_view(k).substr(0, prefix.size()) == prefix) {
      out.push_back(k.substr(prefix.size()));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void Org::set_collection_created(CollectionCreated hook) {
  std::unique_lock lock(mu_);
  on_created_ = std::move(hook);
}

}  // namespace proofbox::zero::store
