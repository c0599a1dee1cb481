#pragma once
// The container runtime interface the harness drives: Docker (Engine API over
// /var/run/docker.sock) and LXC (liblxc) implement it, tests can mock it. Everything a run
// creates carries the label `proofbox.run=<run id>` so teardown and `proofbox destroy` find it.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace proofbox::harness {

inline constexpr std::string_view kRunLabel = "proofbox.run";

// Any runtime failure: the message names the object and what the runtime answered.
struct RuntimeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An isolated network for one run: no route out; the host owns `gateway`, where the
// in-memory server listens.
struct NetworkSpec {
  std::string name;                           // unique per run, e.g. proofbox-<run id>
  std::map<std::string, std::string> labels;  // includes kRunLabel
};
struct Network {
  std::string id;
  std::string name;
  std::string subnet;   // CIDR, e.g. 10.213.7.0/24
  std::string gateway;  // host address on the network, e.g. 10.213.7.1
};

struct Mount {
  std::string host_path;
  std::string container_path;
  bool read_only = true;
};

struct ContainerSpec {
  std::string name;      // unique per run, e.g. proofbox-<run id>-memcached
  std::string hostname;  // the node's name
  std::string image;     // a runtime image reference (see images.hpp)
  std::string network;   // Network::name
  // Process 1. Empty: a long sleep, so the container idles until exec'd into.
  std::vector<std::string> command;
  std::map<std::string, std::string> env;
  std::map<std::string, std::string> labels;  // includes kRunLabel
  std::vector<Mount> mounts;
};

struct ExecResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr interleaved as the process wrote them
  bool timed_out = false;
};

// An object some run left behind, found by its label.
struct Leftover {
  enum class Kind { kContainer, kNetwork } kind;
  std::string id;
  std::string name;
  std::string run_id;
};

class Runtime {
 public:
  virtual ~Runtime() = default;
  virtual std::string name() const = 0;  // "docker" or "lxc"

  virtual Network create_network(const NetworkSpec& spec) = 0;
  virtual void remove_network(const std::string& name_or_id) = 0;

  // Creates and starts the container; returns its id.
  virtual std::string start_container(const ContainerSpec& spec) = 0;
  // Stops and removes it (and its anonymous storage); absent containers are not an error.
  virtual void remove_container(const std::string& id) = 0;
  // Runs argv inside the container, feeding `input` on stdin; kills it at the timeout.
  virtual ExecResult exec(const std::string& id, const std::vector<std::string>& argv,
                          std::chrono::milliseconds timeout, std::string_view input = {}) = 0;
  // Writes a file inside the container (parents created) with the given mode.
  virtual void put_file(const std::string& id, const std::string& path, std::string_view content,
                        unsigned mode) = 0;
  // The host PID of the container's init: matchers enter its network namespace through it.
  virtual int init_pid(const std::string& id) = 0;
  // The container's address on the run network.
  virtual std::string address(const std::string& id) = 0;
  // The command line that opens an interactive shell in the container (`proofbox login`
  // execs it with the terminal attached).
  virtual std::vector<std::string> shell_command(const std::string& id) const = 0;

  // Everything labelled kRunLabel (of one run when run_id is given).
  virtual std::vector<Leftover> list_leftovers(std::optional<std::string> run_id) = 0;

  virtual bool has_image(const std::string& reference) = 0;
  // Imports a root filesystem tarball (uncompressed tar of `/`) as `reference`.
  virtual void import_image(const std::string& reference, const std::string& rootfs_tar) = 0;
  // Gives an imported image a second reference (a stable alias such as NAME:latest for a
  // content-hashed NAME:<hash>). The default throws RuntimeError (not supported).
  virtual void tag_image(const std::string& reference, const std::string& alias);
};

// "docker", "lxc" or "auto" (Docker when its socket answers, else LXC when usable). Throws
// RuntimeError saying what was tried when none is available.
std::unique_ptr<Runtime> make_runtime(const std::string& choice);

}  // namespace proofbox::harness
