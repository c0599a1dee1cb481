#include "runtime/host_firewall.hpp"

#include <filesystem>
#include <random>
#include <sstream>

#include "proofbox/harness/runtime.hpp"
#include "runtime/process.hpp"

namespace proofbox::harness::runtime {
namespace {

std::string comment_for(const std::string& bridge) {
  return "proofbox:" + bridge;
}

}  // namespace

std::vector<std::vector<std::string>> bridge_rules(const std::string& bridge,
                                                   const std::string& gateway) {
  auto tag = comment_for(bridge);
  return {
      {"INPUT", "-i", bridge, "!", "-d", gateway, "-m", "comment", "--comment", tag, "-j", "DROP"},
      {"FORWARD", "-i", bridge, "!", "-o", bridge, "-m", "comment", "--comment", tag, "-j", "DROP"},
      {"FORWARD", "-o", bridge, "!", "-i", bridge, "-m", "comment", "--comment", tag, "-j", "DROP"},
  };
}

void isolate_bridge(const std::string& bridge, const std::string& gateway) {
  if (!on_path("iptables")) {
    throw RuntimeError("cannot isolate network bridge '" + bridge +
                       "': iptables is not installed (apt-get install iptables)");
  }
  try {
    for (const auto& rule : bridge_rules(bridge, gateway)) {
      std::vector<std::string> argv{"iptables", "-w", "-I"};
      argv.insert(argv.end(), rule.begin(), rule.end());
      run_checked(argv);
    }
  } catch (const RuntimeError& e) {
    remove_bridge_rules(bridge);
    throw RuntimeError("cannot isolate network bridge '" + bridge + "': " + e.what());
  }
}

void remove_bridge_rules(const std::string& bridge) {
  if (!on_path("iptables")) return;
  auto tag = comment_for(bridge);
  for (const std::string chain : {"INPUT", "FORWARD"}) {
    auto listing = run_process({"iptables", "-w", "-S", chain});
    std::istringstream lines(listing.output);
    std::string line;
    while (std::getline(lines, line)) {
      std::istringstream words(line);
      std::vector<std::string> argv{"iptables", "-w"};
      std::string word;
      bool ours = false;
      while (words >> word) {
        // iptables -S quotes comments; the arguments go to iptables without a shell.
        if (word.size() >= 2 && word.front() == '"' && word.back() == '"') {
          word = word.substr(1, word.size() - 2);
        }
        // Ours, or left by a run whose bridge is already gone (a crash between the two steps).
        if (word == tag || (word.rfind("proofbox:pbx", 0) == 0 &&
                            !std::filesystem::exists("/sys/class/net/" + word.substr(9)))) {
          ours = true;
        }
        argv.push_back(word == "-A" ? "-D" : word);
      }
      if (ours) run_process(argv);
    }
  }
}

std::string random_bridge_name() {
  static thread_local std::mt19937 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string name = "pbx";
  for (int i = 0; i < 8; ++i) name += kHex[rng() % 16];
  return name;
}

}  // namespace proofbox::harness::runtime
