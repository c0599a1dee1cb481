#include "runtime/docker_runtime.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <sstream>
#include <thread>

#include "runtime/exec_stream.hpp"
#include "runtime/host_firewall.hpp"
#include "runtime/process.hpp"
#include "runtime/subnet_choice.hpp"
#include "runtime/tar_builder.hpp"

namespace proofbox::harness::runtime {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& what, const ApiResponse& response) {
  throw RuntimeError("docker: " + what + ": " + response.message() + " (HTTP " +
                     std::to_string(response.status) + ")");
}

json labels_json(const std::map<std::string, std::string>& labels) {
  json out = json::object();
  for (const auto& [k, v] : labels) out[k] = v;
  return out;
}

std::string label_filter(std::optional<std::string> run_id) {
  std::string label(kRunLabel);
  if (run_id) label += "=" + *run_id;
  return DockerApi::escape(json{{"label", {label}}}.dump());
}

std::string run_label_of(const json& labels) {
  if (labels.is_object() && labels.contains(std::string(kRunLabel)) &&
      labels[std::string(kRunLabel)].is_string()) {
    return labels[std::string(kRunLabel)].get<std::string>();
  }
  return "";
}

constexpr const char* kBridgeOption = "com.docker.network.bridge.name";

}  // namespace

std::pair<std::string, std::string> split_image_reference(const std::string& reference) {
  auto colon = reference.rfind(':');
  auto slash = reference.rfind('/');
  if (colon == std::string::npos || (slash != std::string::npos && colon < slash)) {
    return {reference, "latest"};
  }
  return {reference.substr(0, colon), reference.substr(colon + 1)};
}

DockerRuntime::DockerRuntime(DockerApi api) : api_(std::move(api)) {}

Network DockerRuntime::create_network(const NetworkSpec& spec) {
  auto listing = api_.request("GET", "/networks");
  if (listing.status != 200) fail("listing networks", listing);
  std::vector<std::string> used = host_route_subnets();
  for (const auto& net : listing.json()) {
    const auto& configs = net.value("IPAM", json::object()).value("Config", json::array());
    if (!configs.is_array()) continue;
    for (const auto& c : configs) {
      if (c.contains("Subnet") && c["Subnet"].is_string()) used.push_back(c["Subnet"]);
    }
  }
  static thread_local std::mt19937 rng{std::random_device{}()};
  unsigned start = rng() % 256;
  std::string last_error = "no free /24 left in 10.213.0.0/16";
  for (int attempt = 0; attempt < 32; ++attempt) {
    auto choice = choose_subnet(used, start);
    if (!choice) break;
    auto bridge = random_bridge_name();
    json body = {
        {"Name", spec.name},
        {"CheckDuplicate", true},
        {"Driver", "bridge"},
        {"Internal", true},
        {"Labels", labels_json(spec.labels)},
        {"Options", {{kBridgeOption, bridge}}},
        {"IPAM",
         {{"Driver", "default"},
          {"Config", json::array({{{"Subnet", choice->subnet}, {"Gateway", choice->gateway}}})}}},
    };
    auto created = api_.request_json("POST", "/networks/create", body);
    if (created.status == 201) {
      Network network{created.json().value("Id", ""), spec.name, choice->subnet, choice->gateway};
      try {
        isolate_bridge(bridge, choice->gateway);
      } catch (const RuntimeError&) {
        api_.request("DELETE", "/networks/" + network.id);
        throw;
      }
      return network;
    }
    last_error = created.message();
    auto lowered = last_error;
    for (auto& ch : lowered) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lowered.find("overlap") == std::string::npos) {
      fail("creating network '" + spec.name + "' on " + choice->subnet, created);
    }
    // Another network (perhaps a concurrent run's) took the subnet meanwhile: try the next.
    used.push_back(choice->subnet);
  }
  throw RuntimeError("docker: creating network '" + spec.name + "': " + last_error);
}

void DockerRuntime::remove_network(const std::string& name_or_id) {
  auto inspected = api_.request("GET", "/networks/" + DockerApi::escape(name_or_id));
  if (inspected.status == 404) return;
  if (inspected.status != 200) fail("inspecting network '" + name_or_id + "'", inspected);
  auto info = inspected.json();
  std::string bridge = info.value("Options", json::object()).value(kBridgeOption, "");
  auto removed = api_.request("DELETE", "/networks/" + info.value("Id", name_or_id));
  if (removed.status != 204 && removed.status != 200 && removed.status != 404) {
    fail("removing network '" + name_or_id + "'", removed);
  }
  if (!bridge.empty()) remove_bridge_rules(bridge);
}

std::string DockerRuntime::start_container(const ContainerSpec& spec) {
  json env = json::array();
  for (const auto& [k, v] : spec.env) env.push_back(k + "=" + v);
  json binds = json::array();
  for (const auto& m : spec.mounts) {
    binds.push_back(m.host_path + ":" + m.container_path + (m.read_only ? ":ro" : ":rw"));
  }
  json cmd = spec.command.empty() ? json::array({"sleep", "infinity"}) : json(spec.command);
  json body = {
      {"Image", spec.image},
      {"Hostname", spec.hostname},
      {"Env", env},
      {"Cmd", cmd},
      {"Labels", labels_json(spec.labels)},
      {"HostConfig",
       {{"NetworkMode", spec.network},
        {"Binds", binds},
        // A tiny init as PID 1 reaps the orphans that bootstrap scripts leave behind.
        {"Init", true}}},
      {"NetworkingConfig", {{"EndpointsConfig", {{spec.network, json::object()}}}}},
  };
  auto path =
      "/containers/create" + (spec.name.empty() ? "" : "?name=" + DockerApi::escape(spec.name));
  auto created = api_.request_json("POST", path, body);
  if (created.status == 404) {
    fail("creating container '" + spec.name + "' from image '" + spec.image +
             "' (build it with `proofbox image build`)",
         created);
  }
  if (created.status != 201) fail("creating container '" + spec.name + "'", created);
  auto id = created.json().value("Id", "");
  auto started = api_.request("POST", "/containers/" + id + "/start");
  if (started.status != 204 && started.status != 304) {
    api_.request("DELETE", "/containers/" + id + "?force=1&v=1");
    fail("starting container '" + spec.name + "'", started);
  }
  return id;
}

void DockerRuntime::remove_container(const std::string& id) {
  auto removed = api_.request("DELETE", "/containers/" + DockerApi::escape(id) + "?force=1&v=1");
  if (removed.status == 204 || removed.status == 404) return;
  // A removal already under way (a concurrent teardown) finishes on its own.
  if (removed.status == 409 && removed.message().find("in progress") != std::string::npos) return;
  fail("removing container '" + id + "'", removed);
}

namespace {

// Pumps `input` into the attach socket and the multiplexed output out of it until the
// stream ends or the deadline passes. Returns false on timeout.
bool pump_exec_stream(int fd, std::string_view input, std::string& output,
                      std::chrono::steady_clock::time_point deadline) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  ExecStreamDemuxer demuxer;
  size_t written = 0;
  bool write_open = true;
  if (input.empty()) {
    shutdown(fd, SHUT_WR);
    write_open = false;
  }
  char buf[65536];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, static_cast<short>(POLLIN | (write_open ? POLLOUT : 0)), 0};
    int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) return true;
    if (ready <= 0) continue;
    if (write_open && (p.revents & POLLOUT)) {
      ssize_t n = send(fd, input.data() + written, input.size() - written, MSG_NOSIGNAL);
      if (n > 0) written += static_cast<size_t>(n);
      if (n < 0 && errno != EAGAIN && errno != EINTR) written = input.size();
      if (written == input.size()) {
        shutdown(fd, SHUT_WR);  // the process sees end of input
        write_open = false;
      }
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n > 0) {
        demuxer.feed(std::string_view(buf, static_cast<size_t>(n)), output);
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        return true;
      }
    }
  }
}

}  // namespace

ExecResult DockerRuntime::exec(const std::string& id, const std::vector<std::string>& argv,
                               std::chrono::milliseconds timeout, std::string_view input) {
  json body = {{"AttachStdin", !input.empty()},
               {"AttachStdout", true},
               {"AttachStderr", true},
               {"Tty", false},
               {"Cmd", argv}};
  auto created = api_.request_json("POST", "/containers/" + DockerApi::escape(id) + "/exec", body);
  std::string command = argv.empty() ? "" : argv[0];
  if (created.status != 201) fail("exec '" + command + "' in container '" + id + "'", created);
  auto exec_id = created.json().value("Id", "");
  auto deadline = std::chrono::steady_clock::now() + timeout;
  int fd = api_.open_hijacked("POST", "/exec/" + exec_id + "/start",
                              {{"Detach", false}, {"Tty", false}});
  ExecResult result;
  bool finished = pump_exec_stream(fd, input, result.output, deadline);
  if (!finished) {
    result.timed_out = true;
    auto inspected = api_.request("GET", "/exec/" + exec_id + "/json");
    if (inspected.status == 200) kill_process_tree(inspected.json().value("Pid", 0));
    // Whatever it printed before dying is still worth having.
    pump_exec_stream(fd, {}, result.output,
                     std::chrono::steady_clock::now() + std::chrono::seconds(2));
  }
  close(fd);
  // The stream can end a moment before the Engine records the exit code.
  for (int i = 0; i < 200; ++i) {
    auto inspected = api_.request("GET", "/exec/" + exec_id + "/json");
    if (inspected.status != 200)
      fail("inspecting exec '" + command + "' in '" + id + "'", inspected);
    auto info = inspected.json();
    if (!info.value("Running", false) && !info["ExitCode"].is_null()) {
      result.exit_code = info.value("ExitCode", -1);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (result.timed_out && result.exit_code == 0) result.exit_code = -1;
  return result;
}

void DockerRuntime::put_file(const std::string& id, const std::string& path,
                             std::string_view content, unsigned mode) {
  auto tar = single_file_tar(path, content, mode);
  auto put = api_.request("PUT", "/containers/" + DockerApi::escape(id) + "/archive?path=%2F", tar,
                          "application/x-tar");
  if (put.status != 200) fail("writing '" + path + "' into container '" + id + "'", put);
}

json DockerRuntime::inspect_container(const std::string& id) {
  auto inspected = api_.request("GET", "/containers/" + DockerApi::escape(id) + "/json");
  if (inspected.status != 200) fail("inspecting container '" + id + "'", inspected);
  return inspected.json();
}

int DockerRuntime::init_pid(const std::string& id) {
  auto info = inspect_container(id);
  int pid = info.value("State", json::object()).value("Pid", 0);
  if (pid <= 0) throw RuntimeError("docker: container '" + id + "' is not running");
  return pid;
}

std::string DockerRuntime::address(const std::string& id) {
  auto info = inspect_container(id);
  const auto networks =
      info.value("NetworkSettings", json::object()).value("Networks", json::object());
  for (const auto& [name, settings] : networks.items()) {
    auto ip = settings.value("IPAddress", "");
    if (!ip.empty()) return ip;
  }
  throw RuntimeError("docker: container '" + id + "' has no address on any network");
}

std::vector<std::string> DockerRuntime::shell_command(const std::string& id) const {
  return {"docker", "exec", "-it", id, "/bin/sh"};
}

std::vector<Leftover> DockerRuntime::list_leftovers(std::optional<std::string> run_id) {
  std::vector<Leftover> found;
  auto containers = api_.request("GET", "/containers/json?all=1&filters=" + label_filter(run_id));
  if (containers.status != 200) fail("listing containers", containers);
  for (const auto& c : containers.json()) {
    std::string name;
    if (c.contains("Names") && !c["Names"].empty()) name = c["Names"][0].get<std::string>();
    if (!name.empty() && name.front() == '/') name.erase(0, 1);
    found.push_back({Leftover::Kind::kContainer, c.value("Id", ""), name,
                     run_label_of(c.value("Labels", json::object()))});
  }
  auto networks = api_.request("GET", "/networks?filters=" + label_filter(run_id));
  if (networks.status != 200) fail("listing networks", networks);
  for (const auto& n : networks.json()) {
    found.push_back({Leftover::Kind::kNetwork, n.value("Id", ""), n.value("Name", ""),
                     run_label_of(n.value("Labels", json::object()))});
  }
  return found;
}

bool DockerRuntime::has_image(const std::string& reference) {
  auto inspected = api_.request("GET", "/images/" + reference + "/json");
  if (inspected.status == 200) return true;
  if (inspected.status == 404) return false;
  fail("inspecting image '" + reference + "'", inspected);
}

void DockerRuntime::import_image(const std::string& reference, const std::string& rootfs_tar) {
  auto [repo, tag] = split_image_reference(reference);
  auto imported = api_.upload_file(
      "POST",
      "/images/create?fromSrc=-&repo=" + DockerApi::escape(repo) + "&tag=" + DockerApi::escape(tag),
      rootfs_tar, "application/x-tar");
  if (imported.status != 200) fail("importing image '" + reference + "'", imported);
  // Progress arrives as JSON lines with status 200; a failure is a line with "error".
  std::istringstream lines(imported.body);
  std::string line;
  while (std::getline(lines, line)) {
    auto message = json::parse(line, nullptr, false);
    if (message.is_object() && message.contains("error")) {
      const auto& error = message["error"];
      throw RuntimeError("docker: importing image '" + reference + "' from '" + rootfs_tar +
                         "': " + (error.is_string() ? error.get<std::string>() : error.dump()));
    }
  }
  if (!has_image(reference)) {
    throw RuntimeError("docker: importing image '" + reference +
                       "': the Engine reported success "
                       "but does not know the image");
  }
}

void DockerRuntime::tag_image(const std::string& reference, const std::string& alias) {
  auto [repo, tag] = split_image_reference(alias);
  auto tagged =
      api_.request("POST", "/images/" + reference + "/tag?repo=" + DockerApi::escape(repo) +
                               "&tag=" + DockerApi::escape(tag));
  if (tagged.status != 201 && tagged.status != 200) {
    fail("tagging image '" + reference + "' as '" + alias + "'", tagged);
  }
}

}  // namespace proofbox::harness::runtime
