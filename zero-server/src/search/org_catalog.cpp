// Wiring a Catalog to an Org's collections through the store's change observers.
#include "proofbox/zero/search/org_catalog.hpp"

#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace proofbox::zero::search {
namespace {

// The index a collection kind feeds, if any: "nodes" -> "node", "data/BAG" -> "BAG".
std::optional<std::string> index_of_kind(std::string_view kind) {
  if (kind == "nodes") return "node";
  if (kind == "roles") return "role";
  if (kind == "environments") return "environment";
  if (kind == "clients") return "client";
  if (kind.size() > 5 && kind.substr(0, 5) == "data/") return std::string(kind.substr(5));
  return std::nullopt;
}

// The catalog plus the collections already feeding it (a collection made while the org is
// being attached may be seen both by the creation hook and by the scan).
struct Attachment {
  std::shared_ptr<Catalog> catalog = std::make_shared<Catalog>();
  std::mutex mu;
  std::unordered_set<const store::Collection*> observed;
};

void observe(const std::shared_ptr<Attachment>& a, std::string_view kind, store::Collection& c) {
  std::optional<std::string> index = index_of_kind(kind);
  if (!index) return;
  std::lock_guard lock(a->mu);
  if (!a->observed.insert(&c).second) return;
  std::shared_ptr<Catalog> catalog = a->catalog;
  c.attach_observer([catalog, index = *index](std::string_view name, const store::Document&,
                                              const store::Document& after) {
    if (!after) {
      catalog->remove(index, name);
      return;
    }
    Json doc = Json::parse(*after, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
      catalog->remove(index, name);  // not JSON: nothing searchable
    } else {
      catalog->put(index, name, doc);
    }
  });
}

struct Registry {
  std::mutex mu;
  struct Slot {
    std::weak_ptr<store::Org> org;
    std::weak_ptr<Attachment> attachment;
  };
  std::unordered_map<const store::Org*, Slot> slots;
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

std::shared_ptr<Catalog> org_catalog(const std::shared_ptr<store::Org>& org) {
  Registry& r = registry();
  std::lock_guard lock(r.mu);
  auto& slot = r.slots[org.get()];
  if (slot.org.lock() == org) {
    if (auto a = slot.attachment.lock()) return a->catalog;
  }
  // Forget slots of orgs that are gone, so the registry stays as small as the live orgs.
  for (auto it = r.slots.begin(); it != r.slots.end();) {
    if (it->second.org.expired() && it->first != org.get()) {
      it = r.slots.erase(it);
    } else {
      ++it;
    }
  }
  // The org's collections own the attachment through their observers and the creation hook.
  auto a = std::make_shared<Attachment>();
  org->set_collection_created(
      [a](store::Org&, std::string_view kind, store::Collection& c) { observe(a, kind, c); });
  for (const std::string& kind : org->kinds_with_prefix("")) {
    if (auto c = org->find(kind)) observe(a, kind, *c);
  }
  r.slots[org.get()] = {org, a};
  return a->catalog;
}

}  // namespace proofbox::zero::search
