#include "proofbox/zero/api/role_environments.hpp"

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/environment.hpp"
#include "proofbox/zero/model/role.hpp"

namespace proofbox::zero::api {

std::string role_not_found(std::string_view role) {
  return "Cannot load role " + std::string(role);
}

std::string environment_not_found(std::string_view env) {
  return "Cannot load environment " + std::string(env);
}

void require_environment(const Context& ctx, std::string_view env) {
  if (model::is_default_environment(env)) return;
  if (!ctx.org->environments().contains(env)) throw not_found(environment_not_found(env));
}

http::Response role_run_list_response(const Context& ctx, const Json& role, std::string_view env) {
  require_environment(ctx, env);
  return http::Response::json(200, Json{{"run_list", model::role_environment_run_list(role, env)}});
}

}  // namespace proofbox::zero::api
