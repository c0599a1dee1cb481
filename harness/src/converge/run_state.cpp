#include "proofbox/harness/run_state.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace proofbox::harness {

namespace fs = std::filesystem;

const RunState::Node* RunState::node(const std::string& role) const {
  for (const auto& node : nodes)
    if (node.role == role) return &node;
  return nullptr;
}

void write_run_state(const fs::path& file, const RunState& state) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& node : state.nodes)
    nodes.push_back({{"role", node.role},
                     {"node_name", node.node_name},
                     {"container_name", node.container_name},
                     {"container_id", node.container_id},
                     {"state", node.state},
                     {"kept", node.kept}});
  const nlohmann::json json = {{"run_id", state.run_id},
                               {"runtime", state.runtime},
                               {"network", state.network},
                               {"repo", state.repo},
                               {"org", state.org},
                               {"server_snapshot", state.server_snapshot},
                               {"nodes", nodes}};
  const fs::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary);
    out << json.dump(2) << '\n';
    if (!out) throw std::runtime_error("cannot write " + temporary.string());
  }
  fs::rename(temporary, file);
}

RunState read_run_state(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  try {
    const auto json = nlohmann::json::parse(in);
    RunState state;
    state.run_id = json.at("run_id").get<std::string>();
    state.runtime = json.at("runtime").get<std::string>();
    state.network = json.value("network", "");
    state.repo = json.value("repo", "");
    state.org = json.value("org", "chef");
    state.server_snapshot = json.value("server_snapshot", "");
    for (const auto& node : json.at("nodes")) {
      RunState::Node entry;
      entry.role = node.at("role").get<std::string>();
      entry.node_name = node.value("node_name", "");
      entry.container_name = node.value("container_name", "");
      entry.container_id = node.value("container_id", "");
      entry.state = node.value("state", "");
      entry.kept = node.value("kept", false);
      state.nodes.push_back(std::move(entry));
    }
    return state;
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file.string() + ": not a run state: " + e.what());
  }
}

fs::path runs_dir_for(const fs::path& repo) {
  return repo / ".proofbox" / "runs";
}

fs::path latest_run_dir(const fs::path& runs_dir) {
  const fs::path latest = runs_dir / "latest";
  std::error_code ec;
  if (!fs::exists(latest / "state.json", ec))
    throw std::runtime_error("no converge run in " + runs_dir.string() +
                             " (run `proofbox converge` first)");
  return fs::canonical(latest, ec);
}

}  // namespace proofbox::harness
