#pragma once
// Progress of a long backup or restore, one line per step on a stream (stderr by default):
//   backup: nodes 2500/10000
// Lines for one step are written at most every `interval` and always at its end, so a 10k-node
// run prints a handful of lines, not ten thousand. A null Progress* means silence.
#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>

namespace proofbox::backup::server {

class Progress {
 public:
  explicit Progress(std::string prefix, std::ostream* out = nullptr,
                    std::chrono::milliseconds interval = std::chrono::milliseconds(1000));

  // Starts a step with `total` units of work ("nodes", 10000).
  void begin(std::string_view step, std::size_t total);
  // `done` more units finished.
  void advance(std::size_t done);
  // The step's final line ("backup: nodes 10000/10000").
  void end();
  // A line of its own ("backup: warning: ...").
  void note(std::string_view text);

 private:
  void write_line();

  std::string prefix_;
  std::ostream* out_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::string step_;
  std::size_t total_ = 0;
  std::size_t done_ = 0;
  std::chrono::steady_clock::time_point last_{};
};

// Helpers that do nothing on a null Progress.
inline void begin(Progress* p, std::string_view step, std::size_t total) {
  if (p) p->begin(step, total);
}
inline void advance(Progress* p, std::size_t n) {
  if (p) p->advance(n);
}
inline void end(Progress* p) {
  if (p) p->end();
}
inline void note(Progress* p, std::string_view text) {
  if (p) p->note(text);
}

}  // namespace proofbox::backup::server
