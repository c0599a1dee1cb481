#include <csignal>
#include <iostream>

#include "proofbox/cli/commands.hpp"
#include "proofbox/cli/serve.hpp"
#include "proofbox/zero/api/chef_api.hpp"
#include "proofbox/zero/http/server.hpp"

namespace proofbox::cli {

void add_serve_command(CLI::App& app, int& exit_status) {
  auto opts = std::make_shared<ServeOptions>();
  auto* serve = app.add_subcommand(
      "serve",
      "Run the in-memory Chef server. knife and chef-client talk to it as to a real Chef Infra "
      "Server; objects live in memory until it stops.");
  serve->add_option("--host", opts->host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", opts->port, "Port to listen on; 0 picks a free one and prints it")
      ->capture_default_str();
  serve
      ->add_option("--auth", opts->auth,
                   "off: accept unsigned requests (like chef-zero); verify: check X-Ops-Sign "
                   "signatures (1.0, 1.1, 1.3) against client and user keys")
      ->check(CLI::IsMember({"off", "verify"}))
      ->capture_default_str();
  serve->add_option("--org", opts->org, "Organization that unscoped paths (/nodes ...) use")
      ->capture_default_str();
  serve->add_option("--threads", opts->threads, "Worker threads; 0 means one per core")
      ->capture_default_str();
  serve
      ->add_option("--max-body", opts->max_body_bytes,
                   "Largest request body in bytes; larger ones get 413")
      ->capture_default_str();
  serve
      ->add_option("--key-dir", opts->key_dir,
                   "With --auth verify: where the admin and validator private keys are written")
      ->capture_default_str();
  serve->footer(
      "Examples:\n"
      "  proofbox serve --port 0                 # pick a free port, print the URL\n"
      "  proofbox serve --auth verify --key-dir ~/.chef/proofbox\n"
      "  curl -s http://127.0.0.1:8889/nodes     # the default org 'chef', unscoped");
  serve->callback([opts, &exit_status] { exit_status = run_serve(*opts); });
}

}  // namespace proofbox::cli
