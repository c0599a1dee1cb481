#pragma once
// The Docker runtime: Engine API calls over the unix socket, one internal bridge network per
// run (with host firewall rules so the gateway is the only host address containers reach).
#include <string>

#include "proofbox/harness/runtime.hpp"
#include "runtime/docker_api.hpp"

namespace proofbox::harness::runtime {

class DockerRuntime : public Runtime {
 public:
  explicit DockerRuntime(DockerApi api = DockerApi());
  std::string name() const override { return "docker"; }

  Network create_network(const NetworkSpec& spec) override;
  void remove_network(const std::string& name_or_id) override;
  std::string start_container(const ContainerSpec& spec) override;
  void remove_container(const std::string& id) override;
  ExecResult exec(const std::string& id, const std::vector<std::string>& argv,
                  std::chrono::milliseconds timeout, std::string_view input = {}) override;
  void put_file(const std::string& id, const std::string& path, std::string_view content,
                unsigned mode) override;
  int init_pid(const std::string& id) override;
  std::string address(const std::string& id) override;
  std::vector<std::string> shell_command(const std::string& id) const override;
  std::vector<Leftover> list_leftovers(std::optional<std::string> run_id) override;
  bool has_image(const std::string& reference) override;
  void import_image(const std::string& reference, const std::string& rootfs_tar) override;
  void tag_image(const std::string& reference, const std::string& alias) override;

 private:
  nlohmann::json inspect_container(const std::string& id);
  DockerApi api_;
};

// Splits "repo/name:tag" into {"repo/name", "tag"} (tag "latest" when absent).
std::pair<std::string, std::string> split_image_reference(const std::string& reference);

}  // namespace proofbox::harness::runtime
