#include "proofbox/harness/runtime.hpp"

#include <unistd.h>

#include "runtime/docker_api.hpp"
#include "runtime/docker_runtime.hpp"
#include "runtime/lxc_runtime.hpp"

namespace proofbox::harness {

void Runtime::tag_image(const std::string& reference, const std::string& alias) {
  throw RuntimeError(name() + ": cannot tag image '" + reference + "' as '" + alias +
                     "': not supported by this runtime");
}

std::unique_ptr<Runtime> make_runtime(const std::string& choice) {
  runtime::DockerApi docker;
  if (choice == "docker") {
    if (!docker.ping()) {
      throw RuntimeError("runtime docker: the Docker Engine does not answer on " +
                         docker.socket_path() +
                         " (start it: `ci/setup` does, or `nohup dockerd >/var/log/dockerd.log "
                         "2>&1 &`)");
    }
    return std::make_unique<runtime::DockerRuntime>(docker);
  }
  if (choice == "lxc") {
    if (auto problem = runtime::lxc_unavailable_reason()) {
      throw RuntimeError("runtime lxc: " + *problem);
    }
    return runtime::make_lxc_runtime();
  }
  if (choice == "auto") {
    if (docker.ping()) return std::make_unique<runtime::DockerRuntime>(docker);
    auto problem = runtime::lxc_unavailable_reason();
    if (!problem) return runtime::make_lxc_runtime();
    throw RuntimeError(
        "no container runtime available: Docker does not answer on " + docker.socket_path() +
        " (start dockerd, e.g. by running ci/setup) and LXC is not usable: " + *problem +
        "; or set `runtime: docker|lxc` explicitly");
  }
  throw RuntimeError("unknown runtime '" + choice + "' (expected docker, lxc or auto)");
}

}  // namespace proofbox::harness
