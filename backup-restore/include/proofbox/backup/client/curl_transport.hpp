#pragma once
// The HTTP transport: one libcurl multi handle kept for the client's lifetime, so connections
// (and TLS sessions) are reused across batches; up to `concurrency` requests in flight; HTTP/2
// multiplexing when the server offers it over TLS (ALPN), HTTP/1.1 keep-alive otherwise.
#include <chrono>
#include <memory>
#include <string>

#include "proofbox/backup/client/transport.hpp"

namespace proofbox::backup::client {

struct CurlOptions {
  unsigned concurrency = 10;
  std::chrono::milliseconds timeout{60000};          // whole request
  std::chrono::milliseconds connect_timeout{10000};  // TCP + TLS handshake
  std::string ca_file;                               // PEM bundle; empty = system store
  bool insecure = false;                             // skip TLS verification (never default)
};

class CurlTransport : public Transport {
 public:
  explicit CurlTransport(CurlOptions options);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  std::vector<TransportResult> perform(const std::vector<TransportRequest>& requests) override;

  // How many TCP connections curl opened so far (to check reuse).
  long connections_opened() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace proofbox::backup::client
