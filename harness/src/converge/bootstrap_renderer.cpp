#include "proofbox/harness/bootstrap.hpp"
#include "proofbox/harness/converge.hpp"

namespace proofbox::harness {

BootstrapRenderer make_bootstrap_renderer(const ConvergeConfig& config,
                                          const std::filesystem::path& repo) {
  // A shipped template by name, else a path relative to the repo (or absolute).
  std::string name_or_path = config.bootstrap;
  bool shipped = false;
  for (const auto& name : shipped_bootstrap_templates()) shipped = shipped || name == name_or_path;
  if (!shipped && std::filesystem::path(name_or_path).is_relative())
    name_or_path = (repo / name_or_path).string();
  std::string text;
  try {
    text = load_bootstrap_template(name_or_path);
  } catch (const BootstrapError& e) {
    const std::string where =
        config.file.empty() ? std::string(kConfigFileName) : config.file.string();
    throw ConfigError(where + ":" + std::to_string(config.bootstrap_line) +
                      ": bootstrap: " + e.what());
  }
  return [text](const NodeBootstrap& node) {
    BootstrapContext context;
    context.server_url = node.server_url;
    context.node_name = node.node_name;
    context.environment = node.environment;
    context.run_list = node.run_list;
    context.validation_client_name = node.validation_client_name;
    context.validation_key = node.validation_key;
    context.first_boot_attributes = node.first_boot_attributes;
    if (!node.encrypted_data_bag_secret.empty())
      context.encrypted_data_bag_secret = node.encrypted_data_bag_secret;
    return render_bootstrap(text, context);
  };
}

}  // namespace proofbox::harness
