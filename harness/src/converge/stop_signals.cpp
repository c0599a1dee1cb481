#include "proofbox/harness/stop_signals.hpp"

#include <pthread.h>

#include <ctime>

namespace proofbox::harness {

StopSignalWatcher::StopSignalWatcher(std::function<void(const std::string&)> on_stop)
    : on_stop_(std::move(on_stop)) {
  sigemptyset(&signals_);
  sigaddset(&signals_, SIGINT);
  sigaddset(&signals_, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals_, &previous_mask_);
  thread_ = std::thread([this] { watch(); });
}

StopSignalWatcher::~StopSignalWatcher() {
  stop_ = true;
  thread_.join();
  pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

void StopSignalWatcher::set_handler(std::function<void(const std::string&)> on_stop) {
  std::lock_guard lock(mu_);
  on_stop_ = std::move(on_stop);
}

void StopSignalWatcher::watch() {
  // sigtimedwait in short slices so the destructor's stop flag is seen promptly.
  const timespec slice{0, 50'000'000};
  while (!stop_) {
    const int signal = sigtimedwait(&signals_, nullptr, &slice);
    if (signal <= 0) continue;
    received_ = signal;
    std::function<void(const std::string&)> handler;
    {
      std::lock_guard lock(mu_);
      handler = on_stop_;
    }
    if (handler) handler(signal == SIGINT ? "SIGINT" : "SIGTERM");
  }
}

}  // namespace proofbox::harness
