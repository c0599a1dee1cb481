#include "runtime/lxc_state.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "proofbox/harness/runtime.hpp"

namespace proofbox::harness::runtime {

std::string sanitize_image_reference(const std::string& reference) {
  std::string name;
  for (char c : reference) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '-';
    name += plain ? c : '_';
  }
  return name;
}

nlohmann::json to_json(const LxcNetworkRecord& r) {
  return {{"name", r.name},       {"bridge", r.bridge}, {"subnet", r.subnet},
          {"gateway", r.gateway}, {"labels", r.labels}, {"next_host", r.next_host}};
}

LxcNetworkRecord network_record_from_json(const nlohmann::json& j) {
  LxcNetworkRecord r;
  r.name = j.value("name", "");
  r.bridge = j.value("bridge", "");
  r.subnet = j.value("subnet", "");
  r.gateway = j.value("gateway", "");
  r.labels = j.value("labels", nlohmann::json::object());
  r.next_host = j.value("next_host", 2u);
  return r;
}

std::optional<nlohmann::json> read_json_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = nlohmann::json::parse(text.str(), nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

void write_json_file(const std::string& path, const nlohmann::json& value) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  auto temporary = path + ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << value.dump(2) << "\n";
    if (!out) throw RuntimeError("lxc: cannot write '" + temporary + "'");
  }
  std::filesystem::rename(temporary, path);
}

ScopedFileLock::ScopedFileLock(const std::string& path) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw RuntimeError("lxc: cannot open lock '" + path + "': " + std::strerror(errno));
  }
  while (flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
  }
}

ScopedFileLock::~ScopedFileLock() {
  close(fd_);
}

}  // namespace proofbox::harness::runtime
