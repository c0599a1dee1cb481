#include "converge/run_record.hpp"

#include <ctime>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace proofbox::harness::detail {

std::string utc_now_millis() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const std::time_t seconds = system_clock::to_time_t(now);
  const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(millis));
  return text;
}

RunRecord::RunRecord(std::string run_id, const std::filesystem::path& file)
    : run_id_(std::move(run_id)), out_(file, std::ios::app) {
  if (!out_) throw std::runtime_error("cannot write the run record " + file.string());
}

void RunRecord::start(const std::string& role) {
  std::lock_guard lock(mu_);
  last_[role] = std::chrono::steady_clock::now();
}

void RunRecord::transition(const std::string& role, const std::string& node, std::string_view state,
                           std::string_view outcome, const std::string& message) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  nlohmann::json line = {{"time", utc_now_millis()},
                         {"run", run_id_},
                         {"role", role},
                         {"node", node},
                         {"state", state}};
  auto [it, first] = last_.try_emplace(role, now);
  line["duration_ms"] =
      first ? 0 : std::chrono::duration_cast<std::chrono::milliseconds>(now - it->second).count();
  it->second = now;
  if (!outcome.empty()) line["outcome"] = outcome;
  if (!message.empty()) line["message"] = message;
  out_ << line.dump() << '\n';
  out_.flush();
}

}  // namespace proofbox::harness::detail
