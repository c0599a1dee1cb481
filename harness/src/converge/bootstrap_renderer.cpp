#include "proofbox/harness/converge.hpp"

namespace proofbox::harness {

BootstrapRenderer make_bootstrap_renderer(const ConvergeConfig& config,
                                          const std::filesystem::path& repo) {
  (void)repo;
  const std::string where =
      config.file.empty() ? std::string(kConfigFileName) : config.file.string();
  throw ConfigError(where + ":0: bootstrap template '" + config.bootstrap +
                    "' cannot be rendered: the bootstrap templates are not part of this build yet");
}

}  // namespace proofbox::harness
