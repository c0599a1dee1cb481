#pragma once
// Bootstrap scripts: mustache templates (rendered with mstch) that turn a fresh container into
// a node of the in-memory server, the way `knife bootstrap` does on a real machine: write the
// validation key (mode 0600), client.rb, first-boot.json and the encrypted data bag secret,
// then run the agent. Shipped templates (compiled into the binary):
//   "proofbox-agent"  the stand-in agent of fixtures/agent, embedded in the script itself
//   "chef-client"     knife's chef-full flow for an image with chef-client installed or
//                     mounted at /opt/chef (as kitchen-dokken mounts it)
// Users point `bootstrap:` at their production template instead (a file path).
//
// Template variables: server_url, node_name, environment, validation_client_name,
// validation_key, run_list (a list: {{#run_list}}{{.}}{{/run_list}}), run_list_csv
// ("role[a],recipe[b]"), first_boot_json (one line), first_boot (the attributes as a map),
// encrypted_data_bag_secret (empty = false in sections), chef_version, extra (a map), and
// agent_script (the stand-in agent's text). Rendering does NOT HTML-escape: {{x}} and {{{x}}}
// both insert the value verbatim, since a shell script is not HTML and escaping would corrupt
// keys and JSON.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/json.hpp"

namespace proofbox::harness {

struct BootstrapContext {
  std::string server_url;  // chef_server_url as the node reaches it, .../organizations/ORG
  std::string node_name;
  std::string environment = "_default";
  std::vector<std::string> run_list;  // "role[memcached]", "recipe[base::users]"
  std::string validation_client_name;
  std::string validation_key;                            // PEM
  Json first_boot_attributes = Json::object();           // go to first-boot.json beside run_list
  std::optional<std::string> encrypted_data_bag_secret;  // written 0600 when given
  std::string chef_version;                              // for templates that install chef
  Json extra = Json::object();                           // more variables for user templates
};

// A template that cannot be found or rendered; the message says which and why.
struct BootstrapError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The names of the shipped templates: "chef-client", "proofbox-agent".
std::vector<std::string> shipped_bootstrap_templates();

// The text of the shipped template `name_or_path`, or else of the file at that path.
// Throws BootstrapError naming the shipped templates when it is neither.
std::string load_bootstrap_template(const std::string& name_or_path);

// The first-boot JSON: the first-boot attributes with "run_list" set from the context.
Json first_boot_json(const BootstrapContext& context);

// Renders `template_text` with the context's variables (see above), unescaped.
std::string render_bootstrap(const std::string& template_text, const BootstrapContext& context);

// The stand-in agent (fixtures/agent/proofbox-agent) as compiled into the binary.
std::string_view proofbox_agent_script();

}  // namespace proofbox::harness
