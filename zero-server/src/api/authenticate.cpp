#include "proofbox/zero/api/actor_keys.hpp"
#include "proofbox/zero/api/chef_api.hpp"
#include "proofbox/zero/auth/verify.hpp"

namespace proofbox::zero::api {

// Checks the request's X-Ops-* signature against the keys of the client or user it names.
// An actor may have several keys (clients/C/keys); any one of them that verifies will do.
bool ChefApi::authenticate(Context& ctx, http::Response& failure) {
  const http::Request& req = ctx.request;
  std::string_view raw_path = req.target;
  if (auto q = raw_path.find('?'); q != std::string_view::npos) raw_path = raw_path.substr(0, q);

  auth::VerifyInput input;
  input.method = req.method;
  input.path = std::string(raw_path);
  input.body = req.body;
  input.allowed_skew = options_.allowed_clock_skew;
  input.header = [&req](std::string_view name) -> std::optional<std::string> {
    auto v = req.header(name);
    if (!v) return std::nullopt;
    return std::string(*v);
  };

  std::vector<std::string> keys;
  auto user_id = req.header("x-ops-userid");
  if (user_id) keys = public_keys_for_actor(store_, ctx.org.get(), *user_id);

  auth::VerifyResult result;
  std::size_t next_key = 0;
  do {
    input.public_key_for = [&](const std::string&) -> std::optional<std::string> {
      if (next_key >= keys.size()) return std::nullopt;
      return keys[next_key];
    };
    result = auth::verify_request(input);
    ++next_key;
  } while (!result.ok && result.failure == auth::VerifyFailure::BadSignature &&
           next_key < keys.size());

  if (!result.ok) {
    failure = http::Response::error(result.status, result.message);
    return false;
  }
  ctx.requestor = result.user_id;
  return true;
}

}  // namespace proofbox::zero::api
