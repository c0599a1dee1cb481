#pragma once
// A Runtime whose "container" is this test process: exec runs argv locally (sh -c ... works as
// in a container), init_pid is getpid(), so matchers probe this process's own network
// namespace and root. Only what the matchers use is implemented; the rest throws.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "proofbox/harness/runtime.hpp"

extern char** environ;

namespace proofbox::harness::testing {

class LocalRuntime : public Runtime {
 public:
  std::string name() const override { return "local"; }
  Network create_network(const NetworkSpec&) override { throw unsupported("create_network"); }
  void remove_network(const std::string&) override { throw unsupported("remove_network"); }
  std::string start_container(const ContainerSpec&) override {
    throw unsupported("start_container");
  }
  void remove_container(const std::string&) override {}

  ExecResult exec(const std::string&, const std::vector<std::string>& argv,
                  std::chrono::milliseconds timeout, std::string_view input = {}) override {
    ++exec_count;
    int out[2], in[2];
    if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(in, O_CLOEXEC) != 0) {
      throw RuntimeError(std::string("pipe: ") + std::strerror(errno));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, out[1], 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    if (rc != 0) {
      ::close(in[1]);
      ::close(out[0]);
      throw RuntimeError("cannot run " + argv[0] + ": " + std::strerror(rc));
    }
    if (!input.empty()) {
      [[maybe_unused]] auto n = ::write(in[1], input.data(), input.size());
    }
    ::close(in[1]);
    ExecResult result;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    char buffer[4096];
    while (true) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      pollfd p{out[0], POLLIN, 0};
      if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) == 0) {
        result.timed_out = true;
        ::kill(pid, SIGKILL);
        break;
      }
      ssize_t n = ::read(out[0], buffer, sizeof buffer);
      if (n <= 0) break;
      result.output.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(out[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
  }

  void put_file(const std::string&, const std::string&, std::string_view, unsigned) override {
    throw unsupported("put_file");
  }
  int init_pid(const std::string&) override { return static_cast<int>(::getpid()); }
  std::string address(const std::string&) override { return "127.0.0.1"; }
  std::vector<std::string> shell_command(const std::string&) const override { return {"sh"}; }
  std::vector<Leftover> list_leftovers(std::optional<std::string>) override { return {}; }
  bool has_image(const std::string&) override { return false; }
  void import_image(const std::string&, const std::string&) override {
    throw unsupported("import_image");
  }

  int exec_count = 0;

 private:
  static RuntimeError unsupported(const std::string& what) {
    return RuntimeError("LocalRuntime does not support " + what);
  }
};

}  // namespace proofbox::harness::testing
