#pragma once
// A node the harness converged: what matchers assert on. Container-side checks go through the
// runtime (exec, files) or the container's network namespace (ports, replies, HTTP); server-side
// checks read the in-memory server the node converged against.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness {

// Read access to the Chef server a run converged against (the live in-memory server, or the
// snapshot `converge` saved for a later `verify`).
class ServerView {
 public:
  virtual ~ServerView() = default;
  // The node object as the server holds it, or nullopt when it was never saved.
  virtual std::optional<nlohmann::json> node(const std::string& name) const = 0;
  // Names of the objects a search of `index` (node, role, ...) finds; throws on a bad query.
  virtual std::vector<std::string> search(const std::string& index,
                                          const std::string& query) const = 0;
};

struct ConvergedNode {
  std::string role;
  std::string node_name;
  std::string container_id;
  Runtime* runtime = nullptr;          // not owned
  const ServerView* server = nullptr;  // not owned; may be null for container-only checks
};

}  // namespace proofbox::harness
