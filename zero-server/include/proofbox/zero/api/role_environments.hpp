#pragma once
// What /roles/R/environments/E and /environments/E/roles/R share: the real server's 404
// wording for roles and environments, and the {"run_list": ...} answer for a role in an
// environment (erchef chef_wm_role_environments / chef_wm_environment_roles, chef-zero
// environment_role_endpoint).
#include <string>
#include <string_view>

#include "proofbox/zero/api/context.hpp"
#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::zero::api {

// "Cannot load role R"
std::string role_not_found(std::string_view role);
// "Cannot load environment E"
std::string environment_not_found(std::string_view env);

// Throws ChefError(404, environment_not_found(env)) unless the org has the environment
// ("_default" always exists).
void require_environment(const Context& ctx, std::string_view env);

// 200 {"run_list": [...] or null} for `role` in `env` (model::role_environment_run_list), or
// 404 when the environment does not exist.
http::Response role_run_list_response(const Context& ctx, const Json& role, std::string_view env);

}  // namespace proofbox::zero::api
