#include "proofbox/zero/store/store.hpp"

#include <algorithm>
#include <mutex>

namespace proofbox::zero::store {

std::shared_ptr<Org> Store::org(std::string_view name) const {
  std::shared_lock lock(mu_);
  auto it = orgs_.find(name);
  return it == orgs_.end() ? nullptr : it->second;
}

std::shared_ptr<Org> Store::create_org(std::string_view name) {
  std::unique_lock lock(mu_);
  auto [it, inserted] = orgs_.try_emplace(std::string(name), nullptr);
  if (!inserted) return nullptr;
  it->second = std::make_shared<Org>(std::string(name));
  return it->second;
}

bool Store::delete_org(std::string_view name) {
  std::unique_lock lock(mu_);
  auto it = orgs_.find(name);
  if (it == orgs_.end()) return false;
  orgs_.erase(it);
  return true;
}

std::vector<std::string> Store::org_names() const {
  std::vector<std::string> out;
  std::shared_lock lock(mu_);
  for (const auto& [k, v] : orgs_) out.push_back(k);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace proofbox::zero::store
