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
  auto* repo = serve->add_option("--repo", opts->source,
                                 "Load a chef-repo (cookbooks, roles, environments, data bags, "
                                 "nodes) before listening, through the restore path");
  auto* snapshot = serve->add_option("--snapshot", opts->source,
                                     "Load a snapshot (directory or .tar.gz from `proofbox "
                                     "backup`) before listening");
  repo->excludes(snapshot);
  snapshot->excludes(repo);
  serve->add_option("--save", opts->save,
                    "On SIGINT/SIGTERM, write everything the server holds as a snapshot "
                    "(directory, or .tar.gz by suffix)");
  serve->footer(
      "Examples:\n"
      "  proofbox serve --port 0                 # pick a free port, print the URL\n"
      "  proofbox serve --auth verify --key-dir ~/.chef/proofbox\n"
      "  proofbox serve --repo . --save state.tar.gz   # load a chef-repo, keep what changed\n"
      "  curl -s http://127.0.0.1:8889/nodes     # the default org 'chef', unscoped");
  serve->callback([opts, &exit_status] { exit_status = run_serve(*opts); });
}

}  // namespace proofbox::cli
