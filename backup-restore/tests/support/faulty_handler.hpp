#pragma once
// A test double in front of zero-server's ChefApi that misbehaves the way networks and loaded
// servers do: 500s, 429s, answers that arrive after the client gave up, and connections dropped
// before or after the request was carried out. Every `every`-th distinct request (method,
// target and body) is hit once, cycling through the faults, so each request does succeed when
// retried.
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "proofbox/zero/api/chef_api.hpp"
#include "proofbox/zero/auth/key_source.hpp"
#include "proofbox/zero/http/server.hpp"
#include "support/api_test_server.hpp"

namespace proofbox::backup::testing {

enum class Fault { kServerError, kTooMany, kStall, kDropBefore, kDropAfter };

class FaultyHandler : public zero::http::Handler {
 public:
  FaultyHandler(zero::http::Handler& inner, unsigned every, std::vector<Fault> faults,
                std::chrono::milliseconds stall)
      : inner_(inner), every_(every), faults_(std::move(faults)), stall_(stall) {}

  zero::http::Response handle(zero::http::Request& request) override {
    const unsigned n = counter_++;
    std::optional<Fault> fault;
    if (enabled_ && every_ > 0 && n % every_ == 0) {
      std::lock_guard lock(mu_);
      if (hit_.insert(request.method + " " + request.target + " " + request.body).second) {
        fault = faults_[injected_.size() % faults_.size()];
        injected_.push_back(*fault);
      }
    }
    if (!fault) return inner_.handle(request);
    switch (*fault) {
      case Fault::kServerError:
        return zero::http::Response::error(500, "injected failure");
      case Fault::kTooMany:
        return zero::http::Response::error(429, "slow down");
      case Fault::kStall: {
        std::this_thread::sleep_for(stall_);
        return inner_.handle(request);  // carried out, but the client has stopped waiting
      }
      case Fault::kDropBefore:
        throw zero::http::DropConnection{};
      case Fault::kDropAfter:
        inner_.handle(request);
        throw zero::http::DropConnection{};
    }
    return inner_.handle(request);
  }

  std::vector<Fault> injected() const {
    std::lock_guard lock(mu_);
    return injected_;
  }
  void set_enabled(bool on) { enabled_ = on; }

 private:
  zero::http::Handler& inner_;
  unsigned every_;
  std::vector<Fault> faults_;
  std::chrono::milliseconds stall_;
  std::atomic<unsigned> counter_{0};
  std::atomic<bool> enabled_{true};
  mutable std::mutex mu_;
  std::set<std::string> hit_;
  std::vector<Fault> injected_;
};

// Store + ChefApi (auth off) + FaultyHandler + HTTP server on a free loopback port.
class FaultyServer {
 public:
  FaultyServer(unsigned every, std::vector<Fault> faults,
               std::chrono::milliseconds stall = std::chrono::milliseconds(600))
      : api_((zero::testing::use_fixture_key_pool(), store_), zero::api::ApiOptions{}),
        faulty_(api_, every, std::move(faults), stall),
        server_(faulty_, options()) {
    server_.start();
  }

  std::string url() const { return server_.url(); }
  zero::store::Store& store() { return store_; }
  zero::api::ChefApi& api() { return api_; }
  FaultyHandler& faults() { return faulty_; }

 private:
  static zero::http::ServerOptions options() {
    zero::http::ServerOptions o;
    o.port = 0;
    o.threads = 4;  // stalled requests hold a worker each
    return o;
  }
  zero::store::Store store_;
  zero::api::ChefApi api_;
  FaultyHandler faulty_;
  zero::http::Server server_;
};

}  // namespace proofbox::backup::testing
