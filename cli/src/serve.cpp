#include "proofbox/cli/serve.hpp"

#include <pthread.h>

#include <csignal>
#include <iostream>

#include "proofbox/zero/api/chef_api.hpp"
#include "proofbox/zero/http/server.hpp"
#include "proofbox/zero/store/store.hpp"

namespace proofbox::cli {

int run_serve(const ServeOptions& options) {
  // Block the stop signals before any thread starts, so only sigwait below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  zero::store::Store store;
  zero::api::ApiOptions api_options;
  api_options.auth =
      options.auth == "verify" ? zero::api::AuthMode::kVerify : zero::api::AuthMode::kOff;
  api_options.default_org = options.org;
  zero::api::ChefApi api(store, api_options);

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
  return 0;
}

}  // namespace proofbox::cli
