#pragma once
// ServerView over an in-memory store: the live store of the run's embedded server, or a store
// loaded from the snapshot `converge` saved for a later `verify`. Search runs on the same
// engine as the server's search endpoint (zero/search), so results match the HTTP API's.
#include <filesystem>
#include <memory>
#include <string>

#include "proofbox/harness/converged_node.hpp"
#include "proofbox/zero/store/store.hpp"

namespace proofbox::harness {

class StoreServerView : public ServerView {
 public:
  // Reads organization `org` of a live store (not owned; must outlive the view).
  StoreServerView(const zero::store::Store& store, std::string org);
  // Loads a snapshot (directory or .tar.gz) into a store of its own. Throws
  // backup::SnapshotError naming the bad entry. `org` empty: the snapshot's org, else "chef".
  static std::unique_ptr<StoreServerView> from_snapshot(const std::filesystem::path& snapshot,
                                                        std::string org = "");

  std::optional<nlohmann::json> node(const std::string& name) const override;
  // Throws zero::search::QueryError on a malformed query.
  std::vector<std::string> search(const std::string& index,
                                  const std::string& query) const override;

 private:
  StoreServerView(std::unique_ptr<zero::store::Store> owned, std::string org);

  std::unique_ptr<zero::store::Store> owned_;
  const zero::store::Store* store_;
  std::string org_;
};

}  // namespace proofbox::harness
