#include "runtime/subnet_choice.hpp"

#include <arpa/inet.h>

#include <fstream>
#include <sstream>

namespace proofbox::harness::runtime {

std::optional<Ipv4Cidr> Ipv4Cidr::parse(const std::string& text) {
  auto slash = text.find('/');
  std::string host = text.substr(0, slash);
  int prefix = 32;
  if (slash != std::string::npos) {
    try {
      size_t used = 0;
      prefix = std::stoi(text.substr(slash + 1), &used);
      if (used != text.size() - slash - 1) return std::nullopt;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  in_addr addr{};
  if (prefix < 0 || prefix > 32 || inet_pton(AF_INET, host.c_str(), &addr) != 1) {
    return std::nullopt;
  }
  return Ipv4Cidr{ntohl(addr.s_addr), prefix};
}

namespace {
unsigned mask_of(int prefix) {
  return prefix == 0 ? 0u : ~0u << (32 - prefix);
}
}  // namespace

bool Ipv4Cidr::overlaps(const Ipv4Cidr& other) const {
  // Two prefixes overlap exactly when they agree on the shorter prefix.
  auto mask = mask_of(std::min(prefix, other.prefix));
  return (address & mask) == (other.address & mask);
}

std::string ipv4_to_string(unsigned address) {
  return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xff) + "." +
         std::to_string((address >> 8) & 0xff) + "." + std::to_string(address & 0xff);
}

std::string Ipv4Cidr::to_string() const {
  return ipv4_to_string(address & mask_of(prefix)) + "/" + std::to_string(prefix);
}

std::optional<SubnetChoice> choose_subnet(const std::vector<std::string>& used, unsigned start) {
  std::vector<Ipv4Cidr> taken;
  for (const auto& text : used) {
    // The default route (0.0.0.0/0) overlaps everything and says nothing about addresses.
    if (auto cidr = Ipv4Cidr::parse(text); cidr && cidr->prefix > 0) taken.push_back(*cidr);
  }
  constexpr unsigned kPool = (10u << 24) | (213u << 16);
  for (unsigned i = 0; i < 256; ++i) {
    unsigned third = (start + i) % 256;
    Ipv4Cidr candidate{kPool | (third << 8), 24};
    bool free = true;
    for (const auto& t : taken) {
      if (candidate.overlaps(t)) {
        free = false;
        break;
      }
    }
    if (free) return SubnetChoice{candidate.to_string(), ipv4_to_string(candidate.address | 1)};
  }
  return std::nullopt;
}

std::vector<std::string> host_route_subnets() {
  std::vector<std::string> subnets;
  std::ifstream routes("/proc/net/route");
  std::string line;
  std::getline(routes, line);  // header
  while (std::getline(routes, line)) {
    std::istringstream fields(line);
    std::string iface, dest, gateway, flags, refcnt, use, metric, mask;
    if (!(fields >> iface >> dest >> gateway >> flags >> refcnt >> use >> metric >> mask)) continue;
    // The kernel prints addresses as hex of the network-order word, read as host order.
    unsigned d = ntohl(static_cast<unsigned>(std::stoul(dest, nullptr, 16)));
    unsigned m = ntohl(static_cast<unsigned>(std::stoul(mask, nullptr, 16)));
    int prefix = __builtin_popcount(m);
    if (prefix == 0) continue;
    subnets.push_back(Ipv4Cidr{d, prefix}.to_string());
  }
  return subnets;
}

}  // namespace proofbox::harness::runtime
