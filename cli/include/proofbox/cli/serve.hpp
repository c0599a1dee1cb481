#pragma once
// `proofbox serve`: the in-memory Chef server in the foreground until SIGINT/SIGTERM.
#include <cstddef>
#include <string>

namespace proofbox::cli {

struct ServeOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8889;
  std::string auth = "off";  // off | verify
  std::string org = "chef";
  unsigned threads = 0;
  std::size_t max_body_bytes = 64u << 20;
  std::string key_dir = ".proofbox/keys";  // where `--auth verify` writes the admin's keys
  std::string source;                      // --repo DIR or --snapshot FILE: loaded before listening
  std::string save;                        // --save FILE: a snapshot written on shutdown
};

// Runs the server; returns the process exit status. Errors go to stderr as one line.
int run_serve(const ServeOptions& options);

}  // namespace proofbox::cli
