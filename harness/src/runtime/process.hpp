#pragma once
// Running host commands (debootstrap, tar, ip, iptables) and killing process trees: the few
// host-side steps that have no library interface.
#include <functional>
#include <string>
#include <vector>

namespace proofbox::harness::runtime {

struct ProcessResult {
  int exit_code = -1;  // 128+signal when killed by a signal
  std::string output;  // stdout and stderr together
};

// Runs argv (PATH lookup) to completion, capturing its output; stdin is /dev/null. When
// `on_line` is given it also sees each output line as it arrives (progress).
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::function<void(const std::string&)>& on_line = {});

// Like run_process, but throws RuntimeError naming the command and quoting its output when
// it exits non-zero.
std::string run_checked(const std::vector<std::string>& argv);

// SIGKILLs pid and every descendant (walking /proc), children first found, then the root.
void kill_process_tree(int pid);

// True when `name` is an executable found on PATH.
bool on_path(const std::string& name);

}  // namespace proofbox::harness::runtime
