#include "proofbox/harness/store_server_view.hpp"

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "proofbox/zero/search/org_catalog.hpp"

namespace proofbox::harness {
namespace {

void put_all(zero::store::Collection& collection, const backup::Objects& objects) {
  for (const auto& [name, object] : objects) {
    collection.put(name, zero::store::make_document(object.dump()));
  }
}

}  // namespace

StoreServerView::StoreServerView(const zero::store::Store& store, std::string org)
    : store_(&store), org_(std::move(org)) {}

StoreServerView::StoreServerView(std::unique_ptr<zero::store::Store> owned, std::string org)
    : owned_(std::move(owned)), store_(owned_.get()), org_(std::move(org)) {}

std::unique_ptr<StoreServerView> StoreServerView::from_snapshot(
    const std::filesystem::path& snapshot, std::string org) {
  backup::SnapshotInfo info;
  backup::ChefData data = backup::read_snapshot(snapshot, &info);
  if (org.empty()) org = info.org.empty() ? "chef" : info.org;
  auto store = std::make_unique<zero::store::Store>();
  auto target = store->create_org(org);
  // Attach the search catalog first, so every object below is indexed as it is written.
  zero::search::org_catalog(target);
  put_all(target->nodes(), data.nodes);
  put_all(target->roles(), data.roles);
  put_all(target->environments(), data.environments);
  put_all(target->clients(), data.clients);
  for (const auto& [bag, items] : data.data_bags) {
    target->data_bags().put(bag, zero::store::make_document("{}"));
    put_all(*target->collection("data/" + bag), items);
  }
  return std::unique_ptr<StoreServerView>(new StoreServerView(std::move(store), org));
}

std::optional<nlohmann::json> StoreServerView::node(const std::string& name) const {
  auto org = store_->org(org_);
  if (!org) return std::nullopt;
  auto nodes = org->find("nodes");
  if (!nodes) return std::nullopt;
  auto document = nodes->get(name);
  if (!document) return std::nullopt;
  auto object = nlohmann::json::parse(*document, nullptr, false);
  if (object.is_discarded()) return std::nullopt;
  return object;
}

std::vector<std::string> StoreServerView::search(const std::string& index,
                                                 const std::string& query) const {
  auto org = store_->org(org_);
  if (!org) return {};
  return zero::search::org_catalog(org)->query(index, query).ids;
}

}  // namespace proofbox::harness
