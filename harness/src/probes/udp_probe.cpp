// Bound UDP ports of a network namespace from its /proc socket tables (no socket needed:
// /proc/PID/net shows the namespace of PID).
#include <fstream>
#include <sstream>

#include "proofbox/harness/probes.hpp"
#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness {
namespace {

// Lines look like "  12: 0100007F:2BCB 00000000:0000 07 ...": the port is the hex after ':'.
bool table_has_port(std::istream& in, int port) {
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string slot, local;
    if (!(fields >> slot >> local)) continue;
    auto colon = local.rfind(':');
    if (colon == std::string::npos) continue;
    if (std::stoi(local.substr(colon + 1), nullptr, 16) == port) return true;
  }
  return false;
}

}  // namespace

bool udp_port_bound(int pid, int port) {
  std::string base = pid > 0 ? "/proc/" + std::to_string(pid) + "/net/" : "/proc/self/net/";
  bool readable = false;
  for (const char* table : {"udp", "udp6"}) {
    std::ifstream in(base + table);
    if (!in) continue;
    readable = true;
    if (table_has_port(in, port)) return true;
  }
  if (!readable) throw RuntimeError("cannot read " + base + "udp");
  return false;
}

}  // namespace proofbox::harness
