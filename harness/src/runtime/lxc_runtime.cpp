#include "runtime/lxc_runtime.hpp"

#include <fcntl.h>
#include <lxc/attach_options.h>
#include <lxc/lxccontainer.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "runtime/lxc_network.hpp"
#include "runtime/lxc_state.hpp"
#include "runtime/process.hpp"

namespace proofbox::harness::runtime {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct ContainerDeleter {
  void operator()(lxc_container* c) const { lxc_container_put(c); }
};
using ContainerPtr = std::unique_ptr<lxc_container, ContainerDeleter>;

std::string random_mac() {
  static thread_local std::mt19937 rng{std::random_device{}()};
  char text[18];
  // 00:16:3e is the prefix LXC itself uses for container interfaces.
  std::snprintf(text, sizeof text, "00:16:3e:%02x:%02x:%02x", static_cast<unsigned>(rng() & 0xff),
                static_cast<unsigned>(rng() & 0xff), static_cast<unsigned>(rng() & 0xff));
  return text;
}

class LxcRuntime : public Runtime {
 public:
  LxcRuntime() {
    fs::create_directories(paths_.lxcpath);
    fs::create_directories(paths_.images);
    fs::create_directories(paths_.networks);
  }
  std::string name() const override { return "lxc"; }

  Network create_network(const NetworkSpec& spec) override {
    return create_lxc_network(paths_, spec);
  }
  void remove_network(const std::string& name_or_id) override {
    remove_lxc_network(paths_, name_or_id);
  }

  std::string start_container(const ContainerSpec& spec) override;
  void remove_container(const std::string& id) override;
  ExecResult exec(const std::string& id, const std::vector<std::string>& argv,
                  std::chrono::milliseconds timeout, std::string_view input = {}) override;
  void put_file(const std::string& id, const std::string& path, std::string_view content,
                unsigned mode) override;
  int init_pid(const std::string& id) override;
  std::string address(const std::string& id) override;
  std::vector<std::string> shell_command(const std::string& id) const override {
    return {"lxc-attach", "-P", paths_.lxcpath, "-n", id, "--", "/bin/sh"};
  }
  std::vector<Leftover> list_leftovers(std::optional<std::string> run_id) override;
  bool has_image(const std::string& reference) override {
    return fs::is_directory(image_rootfs(reference));
  }
  void import_image(const std::string& reference, const std::string& rootfs_tar) override;
  void tag_image(const std::string& reference, const std::string& alias) override;

 private:
  std::string image_rootfs(const std::string& reference) const {
    return paths_.images + "/" + sanitize_image_reference(reference) + "/rootfs";
  }
  std::string record_path(const std::string& id) const {
    return paths_.lxcpath + "/" + id + "/proofbox.json";
  }
  ContainerPtr open(const std::string& id) const {
    if (id.empty() || id.find('/') != std::string::npos) {
      throw RuntimeError("lxc: invalid container name '" + id + "'");
    }
    ContainerPtr c(lxc_container_new(id.c_str(), paths_.lxcpath.c_str()));
    if (!c) throw RuntimeError("lxc: cannot open container '" + id + "'");
    return c;
  }
  ContainerPtr open_running(const std::string& id) const {
    auto c = open(id);
    if (!c->is_defined(c.get())) throw RuntimeError("lxc: container '" + id + "' does not exist");
    if (!c->is_running(c.get())) throw RuntimeError("lxc: container '" + id + "' is not running");
    return c;
  }
  std::string log_tail(const std::string& id) const {
    std::ifstream log(paths_.lxcpath + "/" + id + "/lxc.log");
    std::string line, tail;
    while (std::getline(log, line)) {
      if (line.find("ERROR") != std::string::npos) tail = line;
    }
    return tail.empty() ? "" : " (lxc.log: " + tail + ")";
  }

  LxcPaths paths_;
};

std::string LxcRuntime::start_container(const ContainerSpec& spec) {
  static thread_local std::mt19937 rng{std::random_device{}()};
  auto id = spec.name.empty() ? "proofbox-" + std::to_string(rng()) : spec.name;
  auto network = find_lxc_network(paths_, spec.network);
  if (!network) {
    throw RuntimeError("lxc: starting container '" + id + "': network '" + spec.network +
                       "' does not exist");
  }
  if (!has_image(spec.image)) {
    throw RuntimeError("lxc: starting container '" + id + "': image '" + spec.image +
                       "' is not imported into LXC (build it with `proofbox image build "
                       "IMAGE.yml --runtime lxc`)");
  }
  auto c = open(id);
  if (c->is_defined(c.get())) {
    throw RuntimeError("lxc: starting container '" + id + "': a container of that name exists");
  }
  auto address = allocate_lxc_address(paths_, network->name);
  auto dir = fs::path(paths_.lxcpath) / id;
  fs::create_directories(dir / "delta0");
  // The image stays untouched: the container writes to an overlay upper layer in its own
  // directory. The lower layer is the resolved image directory, so moving an alias later
  // does not pull it from under a running container.
  auto lower = fs::canonical(image_rootfs(spec.image)).string();
  auto set = [&](const std::string& key, const std::string& value) {
    if (!c->set_config_item(c.get(), key.c_str(), value.c_str())) {
      throw RuntimeError("lxc: starting container '" + id + "': cannot set " + key + " = " + value);
    }
  };
  try {
    if (fs::exists("/usr/share/lxc/config/common.conf")) {
      set("lxc.include", "/usr/share/lxc/config/common.conf");
    }
    set("lxc.rootfs.path", "overlay:" + lower + ":" + (dir / "delta0").string());
    set("lxc.uts.name", spec.hostname.empty() ? id : spec.hostname);
    set("lxc.net.0.type", "veth");
    set("lxc.net.0.link", network->bridge);
    set("lxc.net.0.flags", "up");
    set("lxc.net.0.name", "eth0");
    set("lxc.net.0.hwaddr", random_mac());
    set("lxc.net.0.ipv4.address", address + "/24");
    set("lxc.tty.max", "0");
    set("lxc.log.file", (dir / "lxc.log").string());
    set("lxc.log.level", "WARN");
    for (const auto& [k, v] : spec.env) set("lxc.environment", k + "=" + v);
    for (const auto& m : spec.mounts) {
      auto target = m.container_path;
      while (!target.empty() && target.front() == '/') target.erase(0, 1);
      auto kind = fs::is_directory(m.host_path) ? "create=dir" : "create=file";
      set("lxc.mount.entry",
          m.host_path + " " + target + " none bind," + kind + (m.read_only ? ",ro" : "") + " 0 0");
    }
    json record = {{"labels", spec.labels},
                   {"network", network->name},
                   {"address", address},
                   {"image", spec.image}};
    write_json_file(record_path(id), record);
    if (!c->save_config(c.get(), nullptr)) {
      throw RuntimeError("lxc: starting container '" + id + "': cannot save its configuration");
    }
    std::vector<std::string> command =
        spec.command.empty() ? std::vector<std::string>{"sleep", "infinity"} : spec.command;
    std::vector<char*> argv;
    for (auto& a : command) argv.push_back(a.data());
    argv.push_back(nullptr);
    c->want_daemonize(c.get(), true);
    c->want_close_all_fds(c.get(), true);
    if (!c->start(c.get(), 0, argv.data()) || !c->wait(c.get(), "RUNNING", 10)) {
      throw RuntimeError("lxc: starting container '" + id + "' from image '" + spec.image +
                         "' failed" + log_tail(id));
    }
  } catch (...) {
    remove_container(id);
    throw;
  }
  return id;
}

void LxcRuntime::remove_container(const std::string& id) {
  auto c = open(id);
  if (c->is_defined(c.get())) {
    if (c->is_running(c.get())) c->stop(c.get());
    if (!c->destroy(c.get())) {
      throw RuntimeError("lxc: removing container '" + id + "' failed" + log_tail(id));
    }
  }
  // A container that failed half-way may have a directory but no configuration.
  std::error_code ec;
  fs::remove_all(fs::path(paths_.lxcpath) / id, ec);
}

ExecResult LxcRuntime::exec(const std::string& id, const std::vector<std::string>& argv,
                            std::chrono::milliseconds timeout, std::string_view input) {
  if (argv.empty()) throw RuntimeError("lxc: exec in '" + id + "': empty command");
  auto c = open_running(id);
  int out[2], in[2];
  if (pipe2(out, O_CLOEXEC) != 0)
    throw RuntimeError("lxc: exec: pipe: " + std::string(strerror(errno)));
  if (pipe2(in, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    throw RuntimeError("lxc: exec: pipe: " + std::string(strerror(errno)));
  }
  std::vector<std::string> args = argv;
  std::vector<char*> raw;
  for (auto& a : args) raw.push_back(a.data());
  raw.push_back(nullptr);
  lxc_attach_command_t command{raw[0], raw.data()};

  // The container's environment plus a PATH, as `docker exec` gives.
  std::vector<std::string> env{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                               "HOME=/root"};
  auto* config_env = c->get_running_config_item(c.get(), "lxc.environment");
  if (config_env) {
    std::string all = config_env;
    free(config_env);
    size_t start = 0;
    while (start < all.size()) {
      auto nl = all.find('\n', start);
      auto item = all.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      if (!item.empty()) env.push_back(item);
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  std::vector<char*> env_raw;
  for (auto& e : env) env_raw.push_back(e.data());
  env_raw.push_back(nullptr);

  lxc_attach_options_t options = LXC_ATTACH_OPTIONS_DEFAULT;
  options.env_policy = LXC_ATTACH_CLEAR_ENV;
  options.extra_env_vars = env_raw.data();
  options.initial_cwd = const_cast<char*>("/");
  options.uid = 0;
  options.gid = 0;
  options.stdin_fd = in[0];
  options.stdout_fd = out[1];
  options.stderr_fd = out[1];
  pid_t pid = -1;
  int rc = c->attach(c.get(), lxc_attach_run_command, &command, &options, &pid);
  close(in[0]);
  close(out[1]);
  if (rc < 0 || pid <= 0) {
    close(in[1]);
    close(out[0]);
    throw RuntimeError("lxc: exec '" + argv[0] + "' in container '" + id + "': attach failed" +
                       log_tail(id));
  }
  ExecResult result;
  fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
  fcntl(out[0], F_SETFL, fcntl(out[0], F_GETFL) | O_NONBLOCK);
  int in_fd = in[1];
  size_t written = 0;
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  char buf[65536];
  auto drain = [&] {
    for (;;) {
      ssize_t n = read(out[0], buf, sizeof buf);
      if (n <= 0) return n == 0 || (errno != EINTR);
      result.output.append(buf, static_cast<size_t>(n));
    }
  };
  int status = 0;
  bool exited = false;
  bool output_open = true;
  // Until the process exits: pump input and output. A daemon it started may hold the output
  // pipe open after it exits, so the exit (not end of output) ends the exec.
  while (!exited) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 && !result.timed_out) {
      result.timed_out = true;
      kill_process_tree(pid);
    }
    pollfd fds[2] = {{output_open ? out[0] : -1, POLLIN, 0}, {in_fd, POLLOUT, 0}};
    int ready = poll(fds, 2, static_cast<int>(std::clamp<long long>(left.count(), 1, 50)));
    if (ready > 0 && in_fd >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = write(in_fd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
        close(in_fd);  // the process sees end of input
        in_fd = -1;
      }
    }
    if (ready > 0 && output_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      ssize_t n = read(out[0], buf, sizeof buf);
      if (n > 0) {
        result.output.append(buf, static_cast<size_t>(n));
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        output_open = false;
      }
    }
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) exited = true;
    if (done < 0 && errno == ECHILD) {
      // Not ours to reap (cannot happen with liblxc's CLONE_PARENT attach): no exit status.
      status = -1;
      exited = true;
    }
  }
  if (output_open) drain();
  if (in_fd >= 0) close(in_fd);
  close(out[0]);
  if (status == -1) {
    result.exit_code = -1;
  } else if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else {
    result.exit_code = 128 + WTERMSIG(status);
  }
  if (result.timed_out && result.exit_code == 0) result.exit_code = -1;
  return result;
}

void LxcRuntime::put_file(const std::string& id, const std::string& path, std::string_view content,
                          unsigned mode) {
  char mode_text[8];
  std::snprintf(mode_text, sizeof mode_text, "%04o", mode & 07777);
  // Parents as Docker creates them (0755); the content is never readable by others before
  // its mode is set (umask 077 while writing, then chmod, then rename into place).
  const std::string script =
      "set -e; mkdir -p -- \"$(dirname -- \"$1\")\"; t=\"$1.proofbox-tmp\"; "
      "(umask 077; cat > \"$t\"); chmod \"$2\" \"$t\"; mv -f -- \"$t\" \"$1\"";
  auto result =
      exec(id, {"/bin/sh", "-c", script, "sh", path, mode_text}, std::chrono::seconds(60), content);
  if (result.exit_code != 0) {
    throw RuntimeError("lxc: writing '" + path + "' into container '" + id + "': " + result.output);
  }
}

int LxcRuntime::init_pid(const std::string& id) {
  auto c = open_running(id);
  int pid = c->init_pid(c.get());
  if (pid <= 0) throw RuntimeError("lxc: container '" + id + "' has no init process");
  return pid;
}

std::string LxcRuntime::address(const std::string& id) {
  auto record = read_json_file(record_path(id));
  if (!record || !record->contains("address")) {
    throw RuntimeError("lxc: container '" + id + "' is not a proofbox container");
  }
  return (*record)["address"].get<std::string>();
}

std::vector<Leftover> LxcRuntime::list_leftovers(std::optional<std::string> run_id) {
  std::vector<Leftover> found;
  const std::string label(kRunLabel);
  auto matches = [&](const json& labels, std::string& run) {
    if (!labels.is_object() || !labels.contains(label) || !labels[label].is_string()) return false;
    run = labels[label].get<std::string>();
    return !run_id || run == *run_id;
  };
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(paths_.lxcpath, ec)) {
    auto record = read_json_file((entry.path() / "proofbox.json").string());
    std::string run;
    if (record && matches(record->value("labels", json::object()), run)) {
      auto name = entry.path().filename().string();
      found.push_back({Leftover::Kind::kContainer, name, name, run});
    }
  }
  for (const auto& network : all_lxc_networks(paths_)) {
    std::string run;
    if (matches(network.labels, run)) {
      found.push_back({Leftover::Kind::kNetwork, network.bridge, network.name, run});
    }
  }
  return found;
}

void LxcRuntime::import_image(const std::string& reference, const std::string& rootfs_tar) {
  auto final_dir = fs::path(paths_.images) / sanitize_image_reference(reference);
  auto staging = final_dir;
  staging += ".importing";
  fs::remove_all(staging);
  fs::create_directories(staging / "rootfs");
  try {
    run_checked({"tar", "--numeric-owner", "--xattrs", "-xpf", rootfs_tar, "-C",
                 (staging / "rootfs").string()});
  } catch (const RuntimeError& e) {
    fs::remove_all(staging);
    throw RuntimeError("lxc: importing image '" + reference + "': " + e.what());
  }
  if (fs::is_symlink(final_dir)) fs::remove(final_dir);
  fs::remove_all(final_dir);
  fs::rename(staging, final_dir);
}

void LxcRuntime::tag_image(const std::string& reference, const std::string& alias) {
  if (!has_image(reference)) {
    throw RuntimeError("lxc: tagging image '" + reference + "': it is not imported");
  }
  auto link = fs::path(paths_.images) / sanitize_image_reference(alias);
  auto temporary = link;
  temporary += ".tagging";
  fs::remove(temporary);
  fs::create_directory_symlink(sanitize_image_reference(reference), temporary);
  if (fs::is_directory(link) && !fs::is_symlink(link)) fs::remove_all(link);
  fs::rename(temporary, link);  // atomic replacement of the previous alias
}

}  // namespace

std::optional<std::string> lxc_unavailable_reason() {
  if (geteuid() != 0) {
    return "proofbox runs LXC containers as root only (run as root or use Docker)";
  }
  const char* version = lxc_get_version();
  if (!version || !*version) return "liblxc does not report a version (install lxc)";
  for (const auto* tool : {"ip", "iptables", "tar"}) {
    if (!on_path(tool)) {
      return std::string("'") + tool + "' is not installed (apt-get install iproute2 iptables tar)";
    }
  }
  if (!fs::exists("/sys/fs/cgroup")) return "no cgroup filesystem at /sys/fs/cgroup";
  return std::nullopt;
}

std::unique_ptr<Runtime> make_lxc_runtime() {
  return std::make_unique<LxcRuntime>();
}

}  // namespace proofbox::harness::runtime
