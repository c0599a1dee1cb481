#pragma once
// A GoogleMock Runtime for tests that need no containers. `simulate()` installs default actions
// that behave like a working runtime keeping containers and networks in memory (so a test can
// check what is left), with hooks for what an exec does; tests override single calls with
// EXPECT_CALL/ON_CALL as usual.
#include <gmock/gmock.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness::testing {

class MockRuntime : public Runtime {
 public:
  MOCK_METHOD(std::string, name, (), (const, override));
  MOCK_METHOD(Network, create_network, (const NetworkSpec& spec), (override));
  MOCK_METHOD(void, remove_network, (const std::string& name_or_id), (override));
  MOCK_METHOD(std::string, start_container, (const ContainerSpec& spec), (override));
  MOCK_METHOD(void, remove_container, (const std::string& id), (override));
  MOCK_METHOD(ExecResult, exec,
              (const std::string& id, const std::vector<std::string>& argv,
               std::chrono::milliseconds timeout, std::string_view input),
              (override));
  MOCK_METHOD(void, put_file,
              (const std::string& id, const std::string& path, std::string_view content,
               unsigned mode),
              (override));
  MOCK_METHOD(int, init_pid, (const std::string& id), (override));
  MOCK_METHOD(std::string, address, (const std::string& id), (override));
  MOCK_METHOD(std::vector<std::string>, shell_command, (const std::string& id), (const, override));
  MOCK_METHOD(std::vector<Leftover>, list_leftovers, (std::optional<std::string> run_id),
              (override));
  MOCK_METHOD(bool, has_image, (const std::string& reference), (override));
  MOCK_METHOD(void, import_image, (const std::string& reference, const std::string& rootfs_tar),
              (override));

  // What the simulated runtime holds; every member is guarded by `mu`.
  struct Container {
    ContainerSpec spec;
    std::map<std::string, std::pair<std::string, unsigned>> files;  // path -> content, mode
  };
  struct State {
    std::mutex mu;
    std::condition_variable changed;
    std::map<std::string, Container> containers;  // id -> container
    std::map<std::string, NetworkSpec> networks;  // name -> spec
    std::vector<std::string> events;              // "start ROLE", "exec ROLE", "exit ROLE", ...
    int running_execs = 0;
    int max_running_execs = 0;
    int next_id = 0;
  };

  // What running the bootstrap script does for the container `spec` (a role's container):
  // called without the state lock held. Default: succeeds at once.
  using BootstrapHook = std::function<ExecResult(const ContainerSpec& spec)>;

  std::shared_ptr<State> state = std::make_shared<State>();
  BootstrapHook on_bootstrap = [](const ContainerSpec&) {
    return ExecResult{0, "converged\n", false};
  };

  // Blocks until the container `id` is removed (what a real exec sees when its container is
  // killed) or `limit` passes; the result says which.
  ExecResult wait_until_removed(const std::string& id, std::chrono::milliseconds limit) {
    std::unique_lock lock(state->mu);
    const bool removed =
        state->changed.wait_for(lock, limit, [&] { return state->containers.count(id) == 0; });
    if (removed) return ExecResult{137, "killed\n", false};
    return ExecResult{-1, "", true};
  }

  std::string role_of(const std::string& id) {
    std::lock_guard lock(state->mu);
    auto it = state->containers.find(id);
    if (it == state->containers.end()) return "";
    auto role = it->second.spec.labels.find("proofbox.role");
    return role == it->second.spec.labels.end() ? it->second.spec.name : role->second;
  }

  void event(const std::string& text) {
    std::lock_guard lock(state->mu);
    state->events.push_back(text);
  }

  void simulate(const std::string& runtime_name = "mock") {
    using ::testing::_;
    using ::testing::Invoke;
    using ::testing::Return;
    ON_CALL(*this, name()).WillByDefault(Return(runtime_name));
    ON_CALL(*this, create_network(_)).WillByDefault(Invoke([this](const NetworkSpec& spec) {
      std::lock_guard lock(state->mu);
      state->networks[spec.name] = spec;
      state->events.push_back("network " + spec.name);
      return Network{"net-" + spec.name, spec.name, "127.0.0.0/8", "127.0.0.1"};
    }));
    ON_CALL(*this, remove_network(_)).WillByDefault(Invoke([this](const std::string& name) {
      std::lock_guard lock(state->mu);
      for (const auto& [id, container] : state->containers)
        if (container.spec.network == name)
          throw RuntimeError("network " + name + " still has container " + id);
      state->networks.erase(name);
      state->events.push_back("remove network " + name);
    }));
    ON_CALL(*this, start_container(_)).WillByDefault(Invoke([this](const ContainerSpec& spec) {
      std::lock_guard lock(state->mu);
      if (!state->networks.count(spec.network)) throw RuntimeError("no network " + spec.network);
      const std::string id = "c" + std::to_string(++state->next_id);
      state->containers[id] = Container{spec, {}};
      auto role = spec.labels.find("proofbox.role");
      state->events.push_back("start " + (role == spec.labels.end() ? spec.name : role->second));
      return id;
    }));
    ON_CALL(*this, remove_container(_)).WillByDefault(Invoke([this](const std::string& id) {
      std::lock_guard lock(state->mu);
      state->containers.erase(id);
      state->events.push_back("remove " + id);
      state->changed.notify_all();
    }));
    ON_CALL(*this, put_file(_, _, _, _))
        .WillByDefault(Invoke([this](const std::string& id, const std::string& path,
                                     std::string_view content, unsigned mode) {
          std::lock_guard lock(state->mu);
          auto it = state->containers.find(id);
          if (it == state->containers.end()) throw RuntimeError("no container " + id);
          it->second.files[path] = {std::string(content), mode};
        }));
    ON_CALL(*this, exec(_, _, _, _))
        .WillByDefault(Invoke([this](const std::string& id, const std::vector<std::string>& argv,
                                     std::chrono::milliseconds, std::string_view) {
          ContainerSpec spec;
          std::string role;
          {
            std::lock_guard lock(state->mu);
            auto it = state->containers.find(id);
            if (it == state->containers.end()) throw RuntimeError("no container " + id);
            spec = it->second.spec;
            auto label = spec.labels.find("proofbox.role");
            role = label == spec.labels.end() ? spec.name : label->second;
          }
          if (argv.empty() || argv[0] != "/bin/sh") return ExecResult{1, "no such file\n", false};
          {
            std::lock_guard lock(state->mu);
            state->events.push_back("exec " + role);
            state->max_running_execs = std::max(state->max_running_execs, ++state->running_execs);
          }
          ExecResult result;
          try {
            result = on_bootstrap(spec);
          } catch (...) {
            std::lock_guard lock(state->mu);
            --state->running_execs;
            state->events.push_back("exit " + role);
            throw;
          }
          std::lock_guard lock(state->mu);
          --state->running_execs;
          state->events.push_back("exit " + role);
          return result;
        }));
    ON_CALL(*this, list_leftovers(_))
        .WillByDefault(Invoke([this](std::optional<std::string> run_id) {
          std::lock_guard lock(state->mu);
          std::vector<Leftover> out;
          for (const auto& [id, container] : state->containers) {
            auto run = container.spec.labels.find(std::string(kRunLabel));
            if (run == container.spec.labels.end()) continue;
            if (run_id && run->second != *run_id) continue;
            out.push_back({Leftover::Kind::kContainer, id, container.spec.name, run->second});
          }
          for (const auto& [name, network] : state->networks) {
            auto run = network.labels.find(std::string(kRunLabel));
            if (run == network.labels.end()) continue;
            if (run_id && run->second != *run_id) continue;
            out.push_back({Leftover::Kind::kNetwork, name, name, run->second});
          }
          return out;
        }));
    ON_CALL(*this, shell_command(_)).WillByDefault(Invoke([](const std::string& id) {
      return std::vector<std::string>{"mock-shell", id};
    }));
  }

  std::size_t container_count() {
    std::lock_guard lock(state->mu);
    return state->containers.size();
  }
  std::size_t network_count() {
    std::lock_guard lock(state->mu);
    return state->networks.size();
  }
  std::vector<std::string> events() {
    std::lock_guard lock(state->mu);
    return state->events;
  }
};

}  // namespace proofbox::harness::testing
