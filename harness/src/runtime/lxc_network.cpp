#include "runtime/lxc_network.hpp"

#include <filesystem>
#include <random>

#include "runtime/host_firewall.hpp"
#include "runtime/process.hpp"
#include "runtime/subnet_choice.hpp"

namespace proofbox::harness::runtime {
namespace {

namespace fs = std::filesystem;

std::string record_path(const LxcPaths& paths, const std::string& name) {
  return paths.networks + "/" + name + ".json";
}

std::string lock_path(const LxcPaths& paths) {
  return paths.networks + "/.lock";
}

}  // namespace

std::vector<LxcNetworkRecord> all_lxc_networks(const LxcPaths& paths) {
  std::vector<LxcNetworkRecord> records;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(paths.networks, ec)) {
    if (entry.path().extension() != ".json") continue;
    if (auto j = read_json_file(entry.path().string())) {
      records.push_back(network_record_from_json(*j));
    }
  }
  return records;
}

std::optional<LxcNetworkRecord> find_lxc_network(const LxcPaths& paths,
                                                 const std::string& name_or_id) {
  for (auto& record : all_lxc_networks(paths)) {
    if (record.name == name_or_id || record.bridge == name_or_id) return record;
  }
  return std::nullopt;
}

Network create_lxc_network(const LxcPaths& paths, const NetworkSpec& spec) {
  if (spec.name.empty() || spec.name.find('/') != std::string::npos) {
    throw RuntimeError("lxc: invalid network name '" + spec.name + "'");
  }
  // One lock for every LXC network on the host: subnet choice and bridge creation are
  // atomic with respect to concurrent runs.
  ScopedFileLock lock(lock_path(paths));
  if (find_lxc_network(paths, spec.name)) {
    throw RuntimeError("lxc: creating network '" + spec.name + "': a network of that name exists");
  }
  std::vector<std::string> used = host_route_subnets();
  for (const auto& record : all_lxc_networks(paths)) used.push_back(record.subnet);
  static thread_local std::mt19937 rng{std::random_device{}()};
  auto choice = choose_subnet(used, rng() % 256);
  if (!choice) {
    throw RuntimeError("lxc: creating network '" + spec.name +
                       "': no free /24 left in 10.213.0.0/16");
  }
  LxcNetworkRecord record;
  record.name = spec.name;
  record.bridge = random_bridge_name();
  record.subnet = choice->subnet;
  record.gateway = choice->gateway;
  for (const auto& [k, v] : spec.labels) record.labels[k] = v;
  try {
    run_checked({"ip", "link", "add", record.bridge, "type", "bridge"});
    // Write the record at once: a crash from here on leaves something `destroy` can find.
    write_json_file(record_path(paths, spec.name), to_json(record));
    run_checked({"ip", "addr", "add", record.gateway + "/24", "dev", record.bridge});
    run_checked({"ip", "link", "set", record.bridge, "up"});
    isolate_bridge(record.bridge, record.gateway);
  } catch (const RuntimeError& e) {
    run_process({"ip", "link", "del", record.bridge});
    remove_bridge_rules(record.bridge);
    fs::remove(record_path(paths, spec.name));
    throw RuntimeError("lxc: creating network '" + spec.name + "': " + e.what());
  }
  return Network{record.bridge, record.name, record.subnet, record.gateway};
}

void remove_lxc_network(const LxcPaths& paths, const std::string& name_or_id) {
  ScopedFileLock lock(lock_path(paths));
  auto record = find_lxc_network(paths, name_or_id);
  if (!record) return;
  if (fs::exists("/sys/class/net/" + record->bridge)) {
    auto result = run_process({"ip", "link", "del", record->bridge});
    if (result.exit_code != 0) {
      throw RuntimeError("lxc: removing network '" + record->name + "' (bridge " + record->bridge +
                         "): " + result.output);
    }
  }
  remove_bridge_rules(record->bridge);
  fs::remove(record_path(paths, record->name));
}

std::string allocate_lxc_address(const LxcPaths& paths, const std::string& name) {
  ScopedFileLock lock(lock_path(paths));
  auto record = find_lxc_network(paths, name);
  if (!record) throw RuntimeError("lxc: network '" + name + "' does not exist");
  if (record->next_host > 254) {
    throw RuntimeError("lxc: network '" + name + "' has no free address left");
  }
  auto subnet = Ipv4Cidr::parse(record->subnet);
  auto address = ipv4_to_string(subnet->address + record->next_host);
  ++record->next_host;
  write_json_file(record_path(paths, record->name), to_json(*record));
  return address;
}

}  // namespace proofbox::harness::runtime
