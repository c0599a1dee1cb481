#pragma once
// Where the LXC runtime keeps things, and the small JSON records that hold what liblxc does
// not: a run network's bridge, subnet, labels and address allocation, a container's labels and
// address. Records sit next to what they describe, so `destroy` finds leftovers of crashed runs.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace proofbox::harness::runtime {

struct LxcPaths {
  std::string lxcpath = "/var/lib/proofbox/lxc";        // containers (liblxc's lxcpath)
  std::string images = "/var/lib/proofbox/lxc-images";  // <ref>/rootfs per image
  std::string networks = "/run/proofbox/lxc/networks";  // <name>.json per bridge (gone at
                                                        // reboot, like the bridges)
};

// "proofbox/memcached:0123" -> "proofbox_memcached_0123": one directory name per reference.
std::string sanitize_image_reference(const std::string& reference);

struct LxcNetworkRecord {
  std::string name;
  std::string bridge;  // also the Network id
  std::string subnet;
  std::string gateway;
  nlohmann::json labels = nlohmann::json::object();
  unsigned next_host = 2;  // last octet of the next container address
};
nlohmann::json to_json(const LxcNetworkRecord& record);
LxcNetworkRecord network_record_from_json(const nlohmann::json& j);

// Reads/writes JSON files atomically (write to a temporary, rename).
std::optional<nlohmann::json> read_json_file(const std::string& path);
void write_json_file(const std::string& path, const nlohmann::json& value);

// An exclusive flock on `path` (created when missing) for the scope.
class ScopedFileLock {
 public:
  explicit ScopedFileLock(const std::string& path);
  ~ScopedFileLock();
  ScopedFileLock(const ScopedFileLock&) = delete;
  ScopedFileLock& operator=(const ScopedFileLock&) = delete;

 private:
  int fd_;
};

}  // namespace proofbox::harness::runtime
