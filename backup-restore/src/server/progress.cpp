#include "proofbox/backup/server/progress.hpp"

#include <iostream>

namespace proofbox::backup::server {

Progress::Progress(std::string prefix, std::ostream* out, std::chrono::milliseconds interval)
    : prefix_(std::move(prefix)), out_(out != nullptr ? out : &std::cerr), interval_(interval) {}

void Progress::begin(std::string_view step, std::size_t total) {
  std::lock_guard lock(mu_);
  step_ = std::string(step);
  total_ = total;
  done_ = 0;
  last_ = std::chrono::steady_clock::now();
}

void Progress::advance(std::size_t done) {
  std::lock_guard lock(mu_);
  done_ += done;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ >= interval_ && done_ < total_) {
    last_ = now;
    write_line();
  }
}

void Progress::end() {
  std::lock_guard lock(mu_);
  write_line();
}

void Progress::note(std::string_view text) {
  std::lock_guard lock(mu_);
  *out_ << prefix_ << ": " << text << '\n' << std::flush;
}

void Progress::write_line() {
  *out_ << prefix_ << ": " << step_ << ' ' << done_ << '/' << total_ << '\n' << std::flush;
}

}  // namespace proofbox::backup::server
