#pragma once
// One converge run: the embedded in-memory Chef server loaded from the chef-repo, one container
// per selected role on the run's own network, each bootstrapped with the configured template
// (as production bootstraps) and converged against that server, in `after:` order with at most
// `jobs` at once; optionally each converged node verified while everything is live. Everything
// the run creates is torn down when it ends, when it is cancelled (SIGINT/SIGTERM through
// StopSignalWatcher, or the run's timeout) and when it throws — except what `keep` keeps for a
// later `proofbox verify` / `proofbox login`.
//
// Output: RUNS_DIR/<run id>/ (and RUNS_DIR/latest -> <run id>) holds run.jsonl (one JSON line per
// transition of each node), ROLE.bootstrap.log and ROLE.converge.log per node, state.json (what
// was kept and where) and server/ (a snapshot of the server's final state).
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "proofbox/harness/converge_config.hpp"
#include "proofbox/harness/converged_node.hpp"
#include "proofbox/harness/runtime.hpp"
#include "proofbox/specs/report.hpp"

namespace proofbox::zero::store {
class Store;
}

namespace proofbox::harness {

enum class KeepPolicy { kFailing, kAlways, kNever };
// "failing", "always" or "never"; throws std::invalid_argument otherwise.
KeepPolicy parse_keep_policy(const std::string& text);

// What a bootstrap template is rendered with for one node.
struct NodeBootstrap {
  std::string role;
  std::string server_url;  // http://GATEWAY:PORT/organizations/ORG
  std::string node_name;
  std::string environment;
  std::vector<std::string> run_list;
  std::string validation_client_name;
  std::string validation_key;  // PEM
  nlohmann::json first_boot_attributes = nlohmann::json::object();
  std::string encrypted_data_bag_secret;  // empty when the repo has none
};
// Renders the bootstrap script for one node.
using BootstrapRenderer = std::function<std::string(const NodeBootstrap&)>;

// The renderer for the config's `bootstrap:` (a shipped template name or a path, relative to
// the repo, to the user's own template). Throws ConfigError when the template cannot be read.
BootstrapRenderer make_bootstrap_renderer(const ConvergeConfig& config,
                                          const std::filesystem::path& repo);

// Replaces every `image:` of the config that names an IMAGE.yml (relative to the repo) by that
// image's reference, building it into `runtime` first when it lacks it (images.hpp; cached).
void prepare_images(ConvergeConfig& config, const std::filesystem::path& repo, Runtime& runtime,
                    std::ostream* progress);

// Where the rendered script is written in the container (mode 0600) and run from.
inline constexpr std::string_view kBootstrapPath = "/etc/proofbox/bootstrap.sh";
// ROLE.bootstrap.log holds everything the bootstrap printed; ROLE.converge.log what follows the
// line containing this marker (the shipped templates print it before starting the converge),
// or everything when a template prints none.
inline constexpr std::string_view kConvergeMarker = "starting the converge";

// Node states, as run.jsonl and the report name them.
namespace node_state {
inline constexpr std::string_view kCreated = "created";
inline constexpr std::string_view kBootstrapping = "bootstrapping";
inline constexpr std::string_view kConverged = "converged";
inline constexpr std::string_view kFailed = "failed";
inline constexpr std::string_view kSkipped = "skipped";
inline constexpr std::string_view kVerifying = "verifying";
inline constexpr std::string_view kPassed = "passed";
inline constexpr std::string_view kDestroyed = "destroyed";
inline constexpr std::string_view kKept = "kept";
}  // namespace node_state

struct NodeResult {
  std::string role;
  std::string node_name;
  std::string container_name;
  std::string container_id;  // empty when no container was started
  std::string state;         // converged, passed, failed or skipped
  std::string phase;         // where it failed: create, bootstrap, verify (empty otherwise)
  std::string message;       // why it failed or was skipped
  std::string log_tail;      // the last lines of the converge log of a failed node
  std::chrono::milliseconds create_time{0};
  std::chrono::milliseconds bootstrap_time{0};
  std::chrono::milliseconds verify_time{0};
  bool kept = false;
  specs::SuiteResult verification;  // the node's functional specs, when verified

  bool ok() const { return state == node_state::kConverged || state == node_state::kPassed; }
};

struct RunResult {
  std::string run_id;
  std::filesystem::path output_dir;
  std::string runtime;
  std::string network;  // name; kept when a container was kept
  std::string server_url;
  std::vector<NodeResult> nodes;  // in role name order
  bool cancelled = false;
  std::string cancel_reason;
  std::string error;  // a failure of the run itself (server, network), empty otherwise
  std::chrono::milliseconds wall{0};

  bool ok() const;  // no error, not cancelled, every node converged (and passed when verified)
};

// Checks the functional specs of one converged node (while its container and the server live).
using NodeVerifier = std::function<specs::SuiteResult(const ConvergedNode&)>;
// A read view of the run's live in-memory server, for NodeVerifier's ConvergedNode::server.
using ServerViewFactory =
    std::function<std::unique_ptr<ServerView>(zero::store::Store& store, const std::string& org)>;

struct ConvergeOptions {
  std::filesystem::path repo;
  ConvergeConfig config;           // load_converge_config(repo)
  std::vector<std::string> roles;  // select_roles(...)
  unsigned jobs = 0;               // 0: config.jobs, else one per role
  KeepPolicy keep = KeepPolicy::kAlways;
  std::filesystem::path runs_dir;    // empty: REPO/.proofbox/runs
  std::ostream* progress = nullptr;  // one line per transition; null: quiet
  BootstrapRenderer render;          // empty: the config's `bootstrap:` template
  NodeVerifier verify;               // empty: converge only
  ServerViewFactory server_view;     // for verify; may be empty (no server-side checks)
  bool save_server = true;           // write OUTPUT/server/ at the end
  std::string run_id;                // empty: a fresh random one
  std::string org = "chef";
};

// A fresh run id: 8 random hex digits.
std::string new_run_id();
// A role name as a valid host/container name part: lower case, [a-z0-9-], no leading '-'.
std::string node_name_for(const std::string& role);

class ConvergeRun {
 public:
  ConvergeRun(Runtime& runtime, ConvergeOptions options);
  ~ConvergeRun();  // tears down whatever is still up (exception paths)
  ConvergeRun(const ConvergeRun&) = delete;
  ConvergeRun& operator=(const ConvergeRun&) = delete;

  const std::string& id() const;
  const std::filesystem::path& output_dir() const;

  // Runs to the end (or to cancellation) and tears down; never throws for a node's failure.
  RunResult run();

  // Thread-safe and prompt: stops starting roles and removes the run's containers at once, so
  // running execs end; run() then tears down the rest and returns. What the signal watcher and
  // the run's timeout call.
  void cancel(const std::string& reason);
  bool cancelled() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace proofbox::harness
