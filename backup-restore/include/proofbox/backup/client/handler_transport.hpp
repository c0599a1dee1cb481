#pragma once
// The in-process transport: requests go straight to an http::Handler (zero-server's ChefApi or
// a test double) with no sockets, one after another. `serve --repo` loads its store this way and
// benchmarks use it to measure the restore path without the network.
#include <string>

#include "proofbox/backup/client/transport.hpp"
#include "proofbox/zero/http/message.hpp"

namespace proofbox::backup::client {

class HandlerTransport : public Transport {
 public:
  explicit HandlerTransport(zero::http::Handler& handler) : handler_(handler) {}

  std::vector<TransportResult> perform(const std::vector<TransportRequest>& requests) override;

  // One request. A handler that throws http::DropConnection yields a kConnection error.
  TransportResult perform_one(const TransportRequest& request);

 private:
  zero::http::Handler& handler_;
};

}  // namespace proofbox::backup::client
