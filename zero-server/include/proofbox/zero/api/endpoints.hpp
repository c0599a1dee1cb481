#pragma once
// Every endpoint file registers its routes through one of these; ChefApi calls them all.
// One file per endpoint under src/endpoints/, as chef-zero keeps one class per endpoint.
#include "proofbox/zero/api/router.hpp"

namespace proofbox::zero::api {

void register_node_endpoints(Router& router);  // nodes, nodes/N
void register_role_endpoints(Router& router);  // roles, roles/R, roles/R/environments[/E]
void register_environment_endpoints(
    Router& router);  // environments, environments/E, .../nodes, .../roles/R
void register_data_bag_endpoints(Router& router);      // data, data/BAG, data/BAG/ITEM
void register_client_endpoints(Router& router);        // clients, clients/C
void register_client_key_endpoints(Router& router);    // clients/C/keys, clients/C/keys/K
void register_user_endpoints(Router& router);          // users, users/U
void register_user_key_endpoints(Router& router);      // users/U/keys, users/U/keys/K
void register_principal_endpoints(Router& router);     // principals/P
void register_organization_endpoints(Router& router);  // organizations, organizations/O
void register_status_endpoints(Router& router);        // _status, version, server_api_version
void register_search_endpoints(Router& router);        // search, search/INDEX (GET, POST partial)
void register_sandbox_endpoints(Router& router);       // sandboxes, sandboxes/ID
void register_file_store_endpoints(Router& router);    // file_store/checksums/MD5
void register_cookbook_endpoints(Router& router);      // cookbooks, cookbooks/_latest|_recipes|NAME
void register_cookbook_version_endpoints(Router& router);      // cookbooks/NAME/VERSION
void register_universe_endpoints(Router& router);              // universe
void register_environment_cookbook_endpoints(Router& router);  // environments/E/cookbooks[/NAME]
void register_environment_cookbook_versions_endpoints(Router& router);  // .../cookbook_versions
void register_environment_recipe_endpoints(Router& router);             // environments/E/recipes

// Policyfile objects, one file each: cookbook_artifacts, cookbook_artifacts/N,
// cookbook_artifacts/N/ID, policies, policies/P, policies/P/revisions, policies/P/revisions/R,
// policy_groups, policy_groups/G, policy_groups/G/policies/P.
void register_cookbook_artifacts_endpoint(Router& router);
void register_cookbook_artifact_endpoint(Router& router);
void register_cookbook_artifact_identifier_endpoint(Router& router);
void register_policies_endpoint(Router& router);
void register_policy_endpoint(Router& router);
void register_policy_revisions_endpoint(Router& router);
void register_policy_revision_endpoint(Router& router);
void register_policy_groups_endpoint(Router& router);
void register_policy_group_endpoint(Router& router);
void register_policy_group_policy_endpoint(Router& router);

// Registers all of the above.
void register_all_endpoints(Router& router);

}  // namespace proofbox::zero::api
