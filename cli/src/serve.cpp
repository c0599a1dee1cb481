#include "proofbox/cli/serve.hpp"

#include <pthread.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "proofbox/cli/serve_state.hpp"
#include "proofbox/zero/api/admin_bootstrap.hpp"
#include "proofbox/zero/api/chef_api.hpp"
#include "proofbox/zero/http/server.hpp"
#include "proofbox/zero/store/store.hpp"

namespace proofbox::cli {
namespace {

// Writes a private key readable by its owner only (created 0600, never world-readable).
void write_private_key(const std::filesystem::path& path, const std::string& pem) {
  namespace fs = std::filesystem;
  fs::create_directories(path.parent_path());
  fs::remove(path);
  {
    std::ofstream out(path);
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    out << pem;
    if (!out) throw std::runtime_error("cannot write " + path.string());
  }
}

}  // namespace

int run_serve(const ServeOptions& options) {
  // Block the stop signals before any thread starts, so only sigwait below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  zero::store::Store store;
  zero::api::ApiOptions api_options;
  InProcessIdentity identity{options.org, "", ""};
  api_options.auth =
      options.auth == "verify" ? zero::api::AuthMode::kVerify : zero::api::AuthMode::kOff;
  api_options.default_org = options.org;
  if (api_options.auth == zero::api::AuthMode::kVerify) {
    try {
      auto creds = zero::api::bootstrap_admin(store, options.org, "admin");
      identity.name = creds.admin_name;
      identity.private_key_pem = creds.admin_private_key;
      std::filesystem::path dir(options.key_dir);
      write_private_key(dir / (creds.admin_name + ".pem"), creds.admin_private_key);
      write_private_key(dir / (creds.validator_name + ".pem"), creds.validator_private_key);
      std::cerr << "proofbox serve: signed requests only; keys for user '" << creds.admin_name
                << "' and client '" << creds.validator_name << "' are in " << dir.string() << "\n";
    } catch (const std::exception& e) {
      std::cerr << "proofbox serve: " << e.what() << "\n";
      return 1;
    }
  }
  zero::api::ChefApi api(store, api_options);
  if (!options.source.empty()) {
    try {
      load_server_state(api, identity, options.source, std::cerr);
    } catch (const std::exception& e) {
      std::cerr << "proofbox serve: " << e.what() << "\n";
      return 1;
    }
  }

  zero::http::ServerOptions http_options;
  http_options.host = options.host;
  http_options.port = options.port;
  http_options.threads = options.threads;
  http_options.max_body_bytes = options.max_body_bytes;
  zero::http::Server server(api, http_options);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "proofbox serve: " << e.what() << "\n";
    return 1;
  }
  std::cout << "listening on " << server.url() << std::endl;

  int signal = 0;
  sigwait(&stop_signals, &signal);
  std::cerr << "proofbox serve: " << (signal == SIGINT ? "SIGINT" : "SIGTERM") << ", stopping\n";
  server.stop();
  if (!options.save.empty()) {
    try {
      save_server_state(api, identity, options.save, std::cerr);
    } catch (const std::exception& e) {
      std::cerr << "proofbox serve: cannot save to " << options.save << ": " << e.what() << "\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace proofbox::cli
