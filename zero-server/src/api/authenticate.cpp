#include "proofbox/zero/api/chef_api.hpp"

namespace proofbox::zero::api {

// TODO(auth): verify X-Ops-Sign headers once the auth unit lands.
bool ChefApi::authenticate(Context&, http::Response& failure) {
  failure = http::Response::error(401, "request signing is not verified yet");
  return false;
}

}  // namespace proofbox::zero::api
