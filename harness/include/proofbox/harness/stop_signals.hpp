#pragma once
// SIGINT/SIGTERM during a run: the constructor blocks both signals in the calling thread (make
// it before any other thread starts, so every thread inherits the mask) and starts a watcher
// thread that calls `on_stop` with the signal's name when one arrives. The destructor stops the
// watcher and restores the mask. A second signal while the first teardown runs is reported
// again (on_stop is idempotent in ConvergeRun::cancel).
#include <signal.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace proofbox::harness {

class StopSignalWatcher {
 public:
  explicit StopSignalWatcher(std::function<void(const std::string& signal_name)> on_stop);
  ~StopSignalWatcher();
  StopSignalWatcher(const StopSignalWatcher&) = delete;
  StopSignalWatcher& operator=(const StopSignalWatcher&) = delete;

  // Replaces the callback (e.g. once the run it should cancel exists). Thread-safe.
  void set_handler(std::function<void(const std::string& signal_name)> on_stop);
  // The signal received so far, 0 when none.
  int received() const { return received_.load(); }

 private:
  void watch();

  sigset_t signals_{};
  sigset_t previous_mask_{};
  std::atomic<bool> stop_{false};
  std::atomic<int> received_{0};
  std::mutex mu_;
  std::function<void(const std::string&)> on_stop_;
  std::thread thread_;
};

}  // namespace proofbox::harness
