#pragma once
// state.json in a run's output directory: what a finished converge left behind (runtime,
// network, one container per role, node names, the server snapshot), so `proofbox verify` and
// `proofbox login` find the kept containers later.
#include <filesystem>
#include <string>
#include <vector>

namespace proofbox::harness {

struct RunState {
  struct Node {
    std::string role;
    std::string node_name;
    std::string container_name;
    std::string container_id;  // empty when none was started
    std::string state;         // converged, passed, failed, skipped
    bool kept = false;         // the container still exists
  };
  std::string run_id;
  std::string runtime;  // docker | lxc
  std::string network;  // kept with the containers
  std::string repo;
  std::string org = "chef";
  std::string server_snapshot;  // the server's final state (a snapshot directory), may be empty
  std::vector<Node> nodes;

  const Node* node(const std::string& role) const;
};

void write_run_state(const std::filesystem::path& file, const RunState& state);
// Throws std::runtime_error naming the file when it is missing or malformed.
RunState read_run_state(const std::filesystem::path& file);

// REPO/.proofbox/runs
std::filesystem::path runs_dir_for(const std::filesystem::path& repo);
// The directory RUNS_DIR/latest points to; throws std::runtime_error when there is no run yet.
std::filesystem::path latest_run_dir(const std::filesystem::path& runs_dir);

}  // namespace proofbox::harness
