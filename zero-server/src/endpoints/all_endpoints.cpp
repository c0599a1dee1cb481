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
  register_sandbox_endpoints(router);
  register_file_store_endpoints(router);
  register_cookbook_endpoints(router);
  register_cookbook_version_endpoints(router);
  register_universe_endpoints(router);
  register_environment_cookbook_endpoints(router);
  register_environment_recipe_endpoints(router);
}

}  // namespace proofbox::zero::api
