#include "proofbox/zero/api/endpoints.hpp"

namespace proofbox::zero::api {

void register_all_endpoints(Router& router) {
  register_status_endpoints(router);
  register_organization_endpoints(router);
  register_user_endpoints(router);
  register_user_key_endpoints(router);
  register_node_endpoints(router);
  register_role_endpoints(router);
  register_environment_endpoints(router);
  register_data_bag_endpoints(router);
  register_client_endpoints(router);
  register_client_key_endpoints(router);
  register_principal_endpoints(router);
  register_search_endpoints(router);
  register_sandbox_endpoints(router);
  register_file_store_endpoints(router);
  register_cookbook_endpoints(router);
  register_cookbook_version_endpoints(router);
  register_universe_endpoints(router);
  register_environment_cookbook_endpoints(router);
  register_environment_recipe_endpoints(router);
  register_environment_cookbook_versions_endpoints(router);
  register_cookbook_artifacts_endpoint(router);
  register_cookbook_artifact_endpoint(router);
  register_cookbook_artifact_identifier_endpoint(router);
  register_policies_endpoint(router);
  register_policy_endpoint(router);
  register_policy_revisions_endpoint(router);
  register_policy_revision_endpoint(router);
  register_policy_groups_endpoint(router);
  register_policy_group_endpoint(router);
  register_policy_group_policy_endpoint(router);
}

}  // namespace proofbox::zero::api
