#include "converge/role_graph.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

namespace proofbox::harness::detail {

std::optional<std::vector<std::string>> find_cycle(
    const std::map<std::string, std::vector<std::string>>& edges) {
  enum class Mark { kNone, kOnPath, kDone };
  std::map<std::string, Mark> marks;
  std::vector<std::string> path;
  std::optional<std::vector<std::string>> cycle;
  std::function<bool(const std::string&)> visit = [&](const std::string& role) {
    Mark& mark = marks[role];
    if (mark == Mark::kDone) return false;
    if (mark == Mark::kOnPath) {
      auto start = std::find(path.begin(), path.end(), role);
      cycle.emplace(start, path.end());
      cycle->push_back(role);
      return true;
    }
    mark = Mark::kOnPath;
    path.push_back(role);
    if (auto it = edges.find(role); it != edges.end())
      for (const auto& next : it->second)
        if (visit(next)) return true;
    path.pop_back();
    marks[role] = Mark::kDone;
    return false;
  };
  for (const auto& [role, _] : edges)
    if (visit(role)) return cycle;
  return std::nullopt;
}

std::map<std::string, TaskOutcome> run_role_graph(
    const std::map<std::string, std::vector<std::string>>& edges, unsigned jobs,
    const GraphCallbacks& callbacks) {
  if (jobs == 0) jobs = 1;
  std::mutex mu;
  std::condition_variable finished;
  std::map<std::string, TaskOutcome> outcomes;
  std::set<std::string> pending;
  for (const auto& [role, _] : edges) pending.insert(role);
  unsigned running = 0;
  std::size_t completions = 0;  // roles whose run() returned
  std::vector<std::thread> threads;

  std::unique_lock lock(mu);
  while (!pending.empty() || running > 0) {
    const std::size_t seen = completions;
    bool skipped_some = false;  // a skip can make roles later in name order skippable
    const bool cancelled = callbacks.cancelled && callbacks.cancelled();
    // Skip what can never run; start what is ready.
    for (auto it = pending.begin(); it != pending.end();) {
      const std::string role = *it;
      std::string reason;
      bool ready = true;
      for (const auto& dep : edges.at(role)) {
        if (!edges.count(dep)) continue;  // not part of this run
        auto done = outcomes.find(dep);
        if (done == outcomes.end()) {
          ready = false;
        } else if (done->second != TaskOutcome::kSucceeded) {
          reason = "waits for " + dep + ", which " +
                   (done->second == TaskOutcome::kFailed ? "failed" : "was skipped");
          break;
        }
      }
      if (cancelled) reason = "the run was cancelled";
      if (!reason.empty()) {
        outcomes[role] = TaskOutcome::kSkipped;
        it = pending.erase(it);
        lock.unlock();
        if (callbacks.skip) callbacks.skip(role, reason);
        lock.lock();
        skipped_some = true;
        continue;
      }
      if (ready && running < jobs) {
        it = pending.erase(it);
        ++running;
        threads.emplace_back([&, role] {
          bool ok = false;
          try {
            ok = callbacks.run(role);
          } catch (...) {
            ok = false;  // run() reports its own errors; a throw still counts as failed
          }
          std::lock_guard guard(mu);
          outcomes[role] = ok ? TaskOutcome::kSucceeded : TaskOutcome::kFailed;
          --running;
          ++completions;
          finished.notify_all();
        });
        continue;
      }
      ++it;
    }
    if (completions != seen || skipped_some) continue;  // things changed: look again
    if (running == 0) {
      // Nothing runs and nothing could start: only possible with a cycle among the pending
      // (config parsing rejects those), so skip them rather than wait forever.
      for (const auto& role : pending) {
        outcomes[role] = TaskOutcome::kSkipped;
        if (callbacks.skip) callbacks.skip(role, "waits for roles in a cycle");
      }
      pending.clear();
      break;
    }
    finished.wait(lock, [&] { return completions != seen; });
  }
  lock.unlock();
  for (auto& thread : threads) thread.join();
  return outcomes;
}

}  // namespace proofbox::harness::detail
