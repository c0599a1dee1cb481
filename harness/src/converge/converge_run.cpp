#include <condition_variable>
#include <fstream>
#include <future>
#include <map>
#include <ostream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "converge/embedded_server.hpp"
#include "converge/role_graph.hpp"
#include "converge/run_record.hpp"
#include "proofbox/backup/server/in_process.hpp"
#include "proofbox/harness/converge.hpp"
#include "proofbox/harness/run_state.hpp"

namespace proofbox::harness {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

KeepPolicy parse_keep_policy(const std::string& text) {
  if (text == "failing") return KeepPolicy::kFailing;
  if (text == "always") return KeepPolicy::kAlways;
  if (text == "never") return KeepPolicy::kNever;
  throw std::invalid_argument("--keep must be failing, always or never, not '" + text + "'");
}

std::string new_run_id() {
  std::random_device random;
  std::ostringstream out;
  out << std::hex;
  for (int i = 0; i < 8; ++i) out << (random() % 16);
  return out.str();
}

std::string node_name_for(const std::string& role) {
  std::string name;
  for (char c : role) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (valid || (c == '-' && !name.empty()))
      name += c;
    else if (!name.empty() && name.back() != '-')
      name += '-';
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  if (name.empty()) name = "node";
  if (name.size() > 40) name.resize(40);  // room for the "-1" and the container name prefix
  return name + "-1";
}

bool RunResult::ok() const {
  if (!error.empty() || cancelled || nodes.empty()) return false;
  for (const auto& node : nodes)
    if (!node.ok()) return false;
  return true;
}

namespace {

std::string seconds_text(milliseconds duration) {
  std::ostringstream out;
  out.precision(1);
  out << std::fixed << duration.count() / 1000.0 << " s";
  return out.str();
}

milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start);
}

// The last `count` lines of `text`.
std::string tail_lines(const std::string& text, std::size_t count) {
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] == '\n') --end;
  std::size_t pos = end;
  for (std::size_t lines = 0; pos > 0; --pos)
    if (text[pos - 1] == '\n' && ++lines == count) break;
  return text.substr(pos, end - pos);
}

// The converge's own output: what follows the bootstrap's "starting the converge" line (the
// shipped templates print it before running the agent), else all of it.
std::string converge_part(const std::string& output) {
  const std::size_t marker = output.find(kConvergeMarker);
  if (marker == std::string::npos) return output;
  const std::size_t line_end = output.find('\n', marker);
  return line_end == std::string::npos ? std::string() : output.substr(line_end + 1);
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

}  // namespace

struct ConvergeRun::Impl {
  Runtime& runtime;
  ConvergeOptions options;
  std::string id;
  fs::path output_dir;
  std::unique_ptr<detail::RunRecord> record;
  std::unique_ptr<detail::EmbeddedServer> server;
  std::unique_ptr<ServerView> server_view;
  std::shared_future<void> server_ready;  // set once the server listens

  std::atomic<bool> cancelled{false};
  std::mutex cancel_mu;  // held by cancel() while it works
  std::mutex mu;         // guards everything below
  std::string cancel_reason;
  std::string network_name;  // non-empty once created
  bool network_removed = false;
  bool torn_down = false;
  std::map<std::string, std::string> containers;  // role -> id, once started
  std::set<std::string> removed;                  // roles whose container is gone
  std::map<std::string, NodeResult> results;
  std::mutex progress_mu;
  Clock::time_point started = Clock::now();

  Impl(Runtime& rt, ConvergeOptions opts) : runtime(rt), options(std::move(opts)) {
    id = options.run_id.empty() ? new_run_id() : options.run_id;
    if (options.runs_dir.empty()) options.runs_dir = runs_dir_for(options.repo);
    output_dir = options.runs_dir / id;
  }

  void say(const std::string& line) {
    if (!options.progress) return;
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "[%6.1fs] ", elapsed);
    std::lock_guard lock(progress_mu);
    *options.progress << stamp << line << std::endl;
  }

  std::string container_name(const std::string& role) const {
    return "proofbox-" + id + "-" + node_name_for(role).substr(0, node_name_for(role).size() - 2);
  }

  // Removes `role`'s container once, whoever asks first (cancel, teardown). Returns whether this
  // call removed it.
  bool remove_container_once(const std::string& role) {
    std::string container;
    {
      std::lock_guard lock(mu);
      auto it = containers.find(role);
      if (it == containers.end() || !removed.insert(role).second) return false;
      container = it->second;
    }
    try {
      runtime.remove_container(container);
    } catch (const std::exception& e) {
      say("warning: cannot remove container " + container + ": " + e.what());
    }
    return true;
  }

  void cancel(const std::string& reason) {
    // Held throughout, so run() returns (and the run is destroyed) only after a cancel that
    // started meanwhile has finished with it.
    std::lock_guard cancelling(cancel_mu);
    std::vector<std::string> roles;
    {
      std::lock_guard lock(mu);
      if (cancelled.exchange(true)) return;
      cancel_reason = reason;
      for (const auto& [role, _] : containers) roles.push_back(role);
    }
    say("cancelling: " + reason + "; removing the run's containers");
    // Removing the containers ends the execs running in them, so the roles return promptly.
    std::vector<std::thread> removers;
    for (const auto& role : roles)
      removers.emplace_back([this, role] {
        if (remove_container_once(role)) record_destroyed(role);
      });
    // Containers still being started are not registered yet but carry the run's label:
    // removing them now makes their start fail at once instead of finishing first.
    try {
      for (const auto& leftover : runtime.list_leftovers(id))
        if (leftover.kind == Leftover::Kind::kContainer) {
          bool registered = false;
          {
            std::lock_guard lock(mu);
            for (const auto& [_, container] : containers)
              registered = registered || container == leftover.id;
          }
          if (!registered)
            removers.emplace_back([this, container = leftover.id] {
              try {
                runtime.remove_container(container);
              } catch (const std::exception&) {
                // Teardown sweeps the run's label again at the end.
              }
            });
        }
    } catch (const std::exception& e) {
      say(std::string("warning: cannot list the run's containers: ") + e.what());
    }
    for (auto& remover : removers) remover.join();
  }

  void record_destroyed(const std::string& role) {
    record->transition(role, node_name_for(role), node_state::kDestroyed);
  }

  NodeResult& result(const std::string& role) {
    std::lock_guard lock(mu);
    return results[role];
  }

  void fail(NodeResult& node, const std::string& phase, const std::string& message) {
    node.state = std::string(node_state::kFailed);
    node.phase = phase;
    node.message = message;
    record->transition(node.role, node.node_name, node_state::kFailed, "failed", message);
    say(node.role + ": failed (" + phase + "): " + message);
  }

  std::chrono::milliseconds exec_timeout(const RoleConfig& role, Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    return std::max(milliseconds(1), std::min<milliseconds>(role.timeout, left));
  }

  NodeBootstrap bootstrap_input(const RoleConfig& role) {
    NodeBootstrap input;
    input.role = role.name;
    input.server_url = server->org_url();
    input.node_name = node_name_for(role.name);
    input.environment = role.environment;
    input.run_list = role.effective_run_list();
    input.validation_client_name = server->credentials().validator_name;
    input.validation_key = server->credentials().validator_private_key;
    input.first_boot_attributes = role.attributes;
    std::ifstream secret(options.repo / ".chef" / "encrypted_data_bag_secret");
    if (secret) {
      std::stringstream text;
      text << secret.rdbuf();
      input.encrypted_data_bag_secret = text.str();
    }
    return input;
  }

  // One role's whole life up to converged (and verified): true when it got there.
  bool run_role(const std::string& role_name, Clock::time_point deadline) {
    const RoleConfig role = role_settings(options.config, role_name);
    NodeResult& node = result(role_name);
    record->start(role_name);
    if (cancelled) {
      node.state = std::string(node_state::kSkipped);
      node.message = "the run was cancelled";
      record->transition(role_name, node.node_name, node_state::kSkipped, "skipped", node.message);
      return false;
    }
    // 1. The container.
    const auto create_start = Clock::now();
    ContainerSpec spec;
    spec.name = node.container_name;
    spec.hostname = node.node_name;
    spec.image = role.image;
    spec.network = network_name;
    spec.labels = {{std::string(kRunLabel), id}, {"proofbox.role", role_name}};
    try {
      if (spec.image.empty())
        throw std::runtime_error(
            "no image: set `image:` in proofbox.yml (for all roles or this one)");
      const std::string container = runtime.start_container(spec);
      bool cancelled_meanwhile = false;
      {
        std::lock_guard lock(mu);
        containers[role_name] = container;
        node.container_id = container;
        cancelled_meanwhile = cancelled;
      }
      node.create_time = since(create_start);
      record->transition(role_name, node.node_name, node_state::kCreated, "ok");
      say(role_name + ": created " + node.node_name + " in " + spec.name + " (" +
          seconds_text(node.create_time) + ")");
      if (cancelled_meanwhile) {
        // cancel() listed the containers before this one existed.
        if (remove_container_once(role_name)) record_destroyed(role_name);
        fail(node, "create", "the run was cancelled");
        return false;
      }
    } catch (const std::exception& e) {
      node.create_time = since(create_start);
      fail(node, "create", e.what());
      return false;
    }

    // 2. Bootstrap and converge: the rendered template, written 0600, run with the role's timeout.
    if (!wait_for_server(node)) return false;
    const auto bootstrap_start = Clock::now();
    record->transition(role_name, node.node_name, node_state::kBootstrapping);
    say(role_name + ": bootstrapping " + node.node_name + " against " + server->org_url());
    ExecResult exec;
    std::string converge_log;
    const milliseconds timeout = exec_timeout(role, deadline);
    try {
      const std::string script = options.render(bootstrap_input(role));
      runtime.put_file(node.container_id, std::string(kBootstrapPath), script, 0600);
      exec = runtime.exec(node.container_id, {"/bin/sh", std::string(kBootstrapPath)}, timeout);
      write_file(output_dir / (role_name + ".bootstrap.log"), exec.output);
      converge_log = converge_part(exec.output);
      write_file(output_dir / (role_name + ".converge.log"), converge_log);
    } catch (const std::exception& e) {
      node.bootstrap_time = since(bootstrap_start);
      fail(node, "bootstrap",
           cancelled ? "the run was cancelled (" + cancel_reason_copy() + ")"
                     : std::string(e.what()));
      return false;
    }
    node.bootstrap_time = since(bootstrap_start);
    if (cancelled) {
      fail(node, "bootstrap", "the run was cancelled (" + cancel_reason_copy() + ")");
      return false;
    }
    if (exec.timed_out || exec.exit_code != 0) {
      node.log_tail = tail_lines(converge_log, 20);
      fail(node, "bootstrap",
           exec.timed_out
               ? "bootstrap and converge timed out after " + seconds_text(timeout)
               : "bootstrap exited with status " + std::to_string(exec.exit_code) +
                     " (log: " + (output_dir / (role_name + ".converge.log")).string() + ")");
      return false;
    }
    node.state = std::string(node_state::kConverged);
    record->transition(role_name, node.node_name, node_state::kConverged, "ok");
    say(role_name + ": converged (" + seconds_text(node.bootstrap_time) + ")");

    // 3. Verification, while the container and the server live.
    if (!options.verify) return true;
    const auto verify_start = Clock::now();
    record->transition(role_name, node.node_name, node_state::kVerifying);
    ConvergedNode converged{role_name, node.node_name, node.container_id, &runtime,
                            server_view.get()};
    try {
      node.verification = options.verify(converged);
    } catch (const std::exception& e) {
      node.verify_time = since(verify_start);
      fail(node, "verify", e.what());
      return false;
    }
    node.verify_time = since(verify_start);
    if (node.verification.name.empty()) node.verification.name = "functional: " + role_name;
    std::size_t failures = 0;
    for (const auto& result : node.verification.cases)
      if (result.outcome == specs::Outcome::kFailed || result.outcome == specs::Outcome::kError)
        ++failures;
    if (failures > 0) {
      fail(node, "verify",
           std::to_string(failures) + " of " + std::to_string(node.verification.cases.size()) +
               " functional checks failed");
      return false;
    }
    node.state = std::string(node_state::kPassed);
    record->transition(role_name, node.node_name, node_state::kPassed, "ok");
    say(role_name + ": " + std::to_string(node.verification.cases.size()) + " checks passed (" +
        seconds_text(node.verify_time) + ")");
    return true;
  }

  // Waits until the server listens (or the run is cancelled); false (the node failed) otherwise.
  bool wait_for_server(NodeResult& node) {
    while (server_ready.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
      if (cancelled) {
        fail(node, "bootstrap", "the run was cancelled (" + cancel_reason_copy() + ")");
        return false;
      }
    }
    try {
      server_ready.get();
    } catch (const std::exception& e) {
      fail(node, "bootstrap", std::string("the server did not start: ") + e.what());
      return false;
    }
    return true;
  }

  std::string cancel_reason_copy() {
    std::lock_guard lock(mu);
    return cancel_reason;
  }

  bool keeps(const NodeResult& node) const {
    switch (options.keep) {
      case KeepPolicy::kAlways:
        return true;
      case KeepPolicy::kNever:
        return false;
      case KeepPolicy::kFailing:
        return !node.ok();
    }
    return false;
  }

  // Removes what the run created except what `keep` keeps (nothing when `keep_nothing`):
  // containers first (in parallel), then the network, then anything else labelled with the
  // run's id (a container whose start failed halfway).
  void teardown(bool keep_nothing) {
    std::vector<std::string> roles;
    {
      std::lock_guard lock(mu);
      for (const auto& [role, _] : containers) roles.push_back(role);
    }
    bool any_kept = false;
    std::vector<std::thread> removers;
    for (const auto& role : roles) {
      NodeResult& node = result(role);
      if (!keep_nothing && !cancelled && keeps(node)) {
        bool already_removed = false;
        {
          std::lock_guard lock(mu);
          already_removed = removed.count(role) > 0;
        }
        if (!already_removed) {
          node.kept = true;
          any_kept = true;
          record->transition(role, node.node_name, node_state::kKept);
          continue;
        }
      }
      removers.emplace_back([this, role] {
        if (remove_container_once(role)) record_destroyed(role);
      });
    }
    for (auto& remover : removers) remover.join();
    std::string network;
    {
      std::lock_guard lock(mu);
      if (!network_removed && !any_kept) {
        network = network_name;
        network_removed = true;
      }
    }
    if (any_kept) return;
    try {
      for (const auto& leftover : runtime.list_leftovers(id))
        if (leftover.kind == Leftover::Kind::kContainer) runtime.remove_container(leftover.id);
    } catch (const std::exception& e) {
      say(std::string("warning: cannot list the run's leftovers: ") + e.what());
    }
    if (!network.empty()) {
      try {
        runtime.remove_network(network);
      } catch (const std::exception& e) {
        say("warning: cannot remove network " + network + ": " + e.what());
      }
    }
  }

  void write_state(const RunResult& result) {
    RunState state;
    state.run_id = id;
    state.runtime = runtime.name();
    state.network = result.network;
    state.repo = fs::absolute(options.repo).string();
    state.org = options.org;
    if (fs::exists(output_dir / "server")) state.server_snapshot = (output_dir / "server").string();
    for (const auto& node : result.nodes)
      state.nodes.push_back({node.role, node.node_name, node.container_name, node.container_id,
                             node.state, node.kept});
    write_run_state(output_dir / "state.json", state);
  }

  RunResult run() {
    const auto start = Clock::now();
    started = start;
    RunResult out;
    out.run_id = id;
    out.output_dir = output_dir;
    out.runtime = runtime.name();
    fs::create_directories(output_dir);
    {
      std::error_code ec;
      fs::remove(options.runs_dir / "latest", ec);
      fs::create_directory_symlink(id, options.runs_dir / "latest", ec);
    }
    record = std::make_unique<detail::RunRecord>(id, output_dir / "run.jsonl");
    for (const auto& role : options.roles) {
      NodeResult& node = results[role];
      node.role = role;
      node.node_name = node_name_for(role);
      node.container_name = container_name(role);
    }
    if (!options.render) options.render = make_bootstrap_renderer(options.config, options.repo);
    const unsigned jobs = options.jobs
                              ? options.jobs
                              : (options.config.jobs ? options.config.jobs
                                                     : static_cast<unsigned>(options.roles.size()));
    say("run " + id + ": " + std::to_string(options.roles.size()) + " role(s) on " +
        runtime.name() + ", " + std::to_string(jobs) + " at a time; output in " +
        output_dir.string());

    // The run's timeout cancels it like a signal would.
    const auto deadline = start + options.config.timeout;
    std::mutex timer_mu;
    std::condition_variable timer_cv;
    bool finished = false;
    std::thread timer([&] {
      std::unique_lock lock(timer_mu);
      if (!timer_cv.wait_until(lock, deadline, [&] { return finished; })) {
        lock.unlock();
        cancel("the run's timeout of " + std::to_string(options.config.timeout.count()) +
               " s passed");
      }
    });
    auto stop_timer = [&] {
      {
        std::lock_guard lock(timer_mu);
        finished = true;
      }
      timer_cv.notify_all();
      if (timer.joinable()) timer.join();
    };

    backup::ChefData data;  // outlives the server's loading thread
    try {
      // The repo is read first, so a broken one stops the run before anything is created.
      say("reading " + options.repo.string());
      data = backup::server::read_local_source(options.repo.string());

      NetworkSpec network_spec{"proofbox-" + id, {{std::string(kRunLabel), id}}};
      const Network network = runtime.create_network(network_spec);
      {
        std::lock_guard lock(mu);
        network_name = network.name.empty() ? network_spec.name : network.name;
      }
      out.network = network_name;

      // Making the server's keys and loading it takes a while (RSA key generation): it runs
      // while the containers start; each role waits for it before its bootstrap.
      server_ready = std::async(std::launch::async, [this, &data, gateway = network.gateway] {
                       auto made = std::make_unique<detail::EmbeddedServer>(options.org);
                       std::ostringstream load_log;
                       made->load(data, options.repo.string(), load_log);
                       write_file(output_dir / "server-load.log", load_log.str());
                       made->start(gateway);
                       server = std::move(made);
                       if (options.server_view)
                         server_view = options.server_view(server->store(), options.org);
                       say("server " + server->org_url() + " on network " + network_name);
                     }).share();

      std::map<std::string, std::vector<std::string>> edges;
      for (const auto& role : options.roles)
        edges[role] = role_settings(options.config, role).after;
      detail::GraphCallbacks callbacks;
      callbacks.run = [&](const std::string& role) { return run_role(role, deadline); };
      callbacks.skip = [&](const std::string& role, const std::string& reason) {
        NodeResult& node = result(role);
        node.state = std::string(node_state::kSkipped);
        node.message = reason;
        record->transition(role, node.node_name, node_state::kSkipped, "skipped", reason);
        say(role + ": skipped: " + reason);
      };
      callbacks.cancelled = [&] { return cancelled.load(); };
      detail::run_role_graph(edges, jobs, callbacks);
      server_ready.get();  // a server that never started is the run's error
      out.server_url = server->org_url();

      if (options.save_server && !cancelled) {
        say("server: saving its final state to " + (output_dir / "server").string());
        std::ostringstream save_log;
        server->save(output_dir / "server", save_log);
      }
    } catch (const std::exception& e) {
      out.error = e.what();
      say(std::string("error: ") + e.what());
    }
    stop_timer();
    say("tearing down");
    teardown(!out.error.empty());
    torn_down = true;
    { std::lock_guard wait_for_cancel(cancel_mu); }
    // After the containers: a cancelled run does not wait for the server's keys first.
    if (server_ready.valid()) server_ready.wait();
    if (server) server->stop();

    out.cancelled = cancelled;
    out.cancel_reason = cancel_reason_copy();
    for (const auto& role : options.roles) out.nodes.push_back(result(role));
    bool any_kept = false;
    for (const auto& node : out.nodes) any_kept = any_kept || node.kept;
    if (!any_kept) out.network.clear();
    out.wall = since(start);
    try {
      write_state(out);
    } catch (const std::exception& e) {
      say(std::string("warning: ") + e.what());
    }
    say("run " + id + " " + (out.ok() ? "succeeded" : "failed") + " in " + seconds_text(out.wall) +
        (any_kept ? "; kept containers: `proofbox login ROLE`, `proofbox destroy` removes them"
                  : ""));
    return out;
  }
};

ConvergeRun::ConvergeRun(Runtime& runtime, ConvergeOptions options)
    : impl_(std::make_unique<Impl>(runtime, std::move(options))) {}

ConvergeRun::~ConvergeRun() {
  // run() tears down itself; this covers a run() that threw before its own teardown.
  try {
    std::lock_guard wait_for_cancel(impl_->cancel_mu);
    if (impl_->record && !impl_->torn_down) impl_->teardown(true);
  } catch (...) {
  }
}

const std::string& ConvergeRun::id() const {
  return impl_->id;
}
const fs::path& ConvergeRun::output_dir() const {
  return impl_->output_dir;
}
RunResult ConvergeRun::run() {
  return impl_->run();
}
void ConvergeRun::cancel(const std::string& reason) {
  impl_->cancel(reason);
}
bool ConvergeRun::cancelled() const {
  return impl_->cancelled;
}

}  // namespace proofbox::harness
