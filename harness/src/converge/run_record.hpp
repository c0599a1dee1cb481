#pragma once
// run.jsonl: one JSON object per line for each transition of each node, appended and flushed as
// it happens (a crashed run still leaves its record):
//   {"time":"2026-11-23T14:02:11.204Z","run":"3fa2c91e","role":"memcached","node":"memcached-1",
//    "state":"converged","duration_ms":2114,"outcome":"ok"}
// duration_ms is the time since the node's previous transition (the phase that just ended).
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace proofbox::harness::detail {

class RunRecord {
 public:
  RunRecord(std::string run_id, const std::filesystem::path& file);

  // Starts the clock of `role`'s first phase (no line written).
  void start(const std::string& role);

  // Appends one line; `outcome` is "ok", "failed", "skipped" or empty (a phase starting).
  void transition(const std::string& role, const std::string& node, std::string_view state,
                  std::string_view outcome = {}, const std::string& message = {});

 private:
  std::string run_id_;
  std::mutex mu_;
  std::ofstream out_;
  std::map<std::string, std::chrono::steady_clock::time_point> last_;
};

// Now as an RFC 3339 UTC timestamp with milliseconds.
std::string utc_now_millis();

}  // namespace proofbox::harness::detail
