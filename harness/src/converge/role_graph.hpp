#pragma once
// The `after:` graph of a run: cycle detection, and running every role once all it waits for
// has succeeded, at most `jobs` at a time.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace proofbox::harness::detail {

// A cycle in `edges` (role -> roles it waits for) as the roles along it, first repeated at the
// end ("a", "b", "a"); nullopt when there is none. Roles only named as targets count too.
std::optional<std::vector<std::string>> find_cycle(
    const std::map<std::string, std::vector<std::string>>& edges);

enum class TaskOutcome { kSucceeded, kFailed, kSkipped };

struct GraphCallbacks {
  // Runs one role (on its own thread); returns whether it succeeded.
  std::function<bool(const std::string& role)> run;
  // A role that never ran: `reason` says why (a dependency failed, the run was cancelled).
  std::function<void(const std::string& role, const std::string& reason)> skip;
  // True once the run is being cancelled: nothing new starts.
  std::function<bool()> cancelled;
};

// Runs `edges`' roles (each key is a role; dependencies outside the keys are ignored) with at
// most `jobs` (>= 1) running at once, in name order among the ready ones. Returns each role's
// outcome. Waits for every started role to finish; once `cancelled` says so (checked whenever a
// role finishes, so a cancellation must make the running roles return), the rest are skipped.
std::map<std::string, TaskOutcome> run_role_graph(
    const std::map<std::string, std::vector<std::string>>& edges, unsigned jobs,
    const GraphCallbacks& callbacks);

}  // namespace proofbox::harness::detail
