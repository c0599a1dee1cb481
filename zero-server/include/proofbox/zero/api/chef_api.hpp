#pragma once
// The Chef Infra Server REST API as an http::Handler: API-version negotiation, Accept checks,
// organization scoping, request-signature verification, routing and Chef-style error bodies.
// Endpoints register themselves on the router (see endpoints.hpp).
#include <chrono>
#include <string>

#include "proofbox/zero/api/router.hpp"
#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/store/store.hpp"

namespace proofbox::zero::api {

inline constexpr int kMinApiVersion = 0;
inline constexpr int kMaxApiVersion = 2;

enum class AuthMode { kOff, kVerify };

struct ApiOptions {
  AuthMode auth = AuthMode::kOff;
  std::string default_org = "chef";
  std::chrono::seconds allowed_clock_skew{900};
  // Used when a request has no Host header.
  std::string fallback_base_url = "http://127.0.0.1:8889";
};

class ChefApi : public http::Handler {
 public:
  // Registers every endpoint and makes sure the default org exists.
  ChefApi(store::Store& store, ApiOptions options);

  http::Response handle(http::Request& request) override;

  Router& router() { return router_; }
  store::Store& store() { return store_; }
  const ApiOptions& options() const { return options_; }

 private:
  http::Response dispatch(Context& ctx);
  bool authenticate(Context& ctx, http::Response& failure);

  store::Store& store_;
  ApiOptions options_;
  Router router_;
};

}  // namespace proofbox::zero::api
