#pragma once
// Roles (erchef chef_role.erl, chef-zero data_normalizer, pedant roles spec).
//
// normalize_role validates a POST/PUT body and returns the document to store:
//   * absent fields are filled: description "", json_class "Chef::Role", chef_type "role",
//     default_attributes {}, override_attributes {}, run_list [], env_run_lists {};
//   * on update a body without "name" takes the URL's; another name is 400 "Role name
//     mismatch." (roles are never renamed);
//   * allowed keys: name, description, json_class, chef_type, default_attributes,
//     override_attributes, run_list, env_run_lists (else "Invalid key K in request body");
//   * then: name (role name), json_class == "Chef::Role", chef_type == "role", the attribute
//     maps ("is not a hash"), run_list ("is not a valid run list"), env_run_lists
//     ("Field 'env_run_lists' contains invalid run lists" / "Invalid key 'E' for
//     env_run_lists" for a bad environment name);
//   * run_list and every env_run_lists entry are normalised and de-duplicated.
// description is not checked (the server does not check it).
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/model/action.hpp"

namespace proofbox::zero::model {

Json normalize_role(const Json& body, const Action& action);

// The run list a role contributes in environment `env` (Chef::Role#run_list_for): the
// env_run_lists entry when there is one, otherwise run_list. Returns an empty array when the
// role has neither.
Json run_list_for(const Json& role, std::string_view env);

// What GET /roles/R/environments/E answers in "run_list": the role's run_list for
// "_default", otherwise its env_run_lists entry or null when it has none (chef-zero
// environment_role_endpoint, pedant roles spec).
Json role_environment_run_list(const Json& role, std::string_view env);

// GET /roles/R/environments: "_default" plus every env_run_lists key, sorted, unique
// (erchef chef_role:environments/1).
std::vector<std::string> role_environments(const Json& role);

}  // namespace proofbox::zero::model
