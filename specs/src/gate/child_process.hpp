#pragma once
// Running a program (git, tar) as a child process with its output captured: no shell, the
// arguments are passed as they are, so paths and refs with spaces or quotes are safe.
#include <string>
#include <vector>

namespace proofbox::specs::gate {

struct ChildResult {
  int exit_status = -1;  // the exit code, or 128 + signal when killed by a signal
  std::string out;
  std::string err;
};

// Runs argv[0] (looked up on PATH) with argv, stdin from /dev/null. Throws GateError when the
// program cannot be started at all (e.g. git is not installed).
ChildResult run_child(const std::vector<std::string>& argv);

}  // namespace proofbox::specs::gate
