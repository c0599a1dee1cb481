// Placeholder until the endpoint is written.
#include "proofbox/zero/api/endpoints.hpp"

namespace proofbox::zero::api {

void register_environment_endpoints(Router&) {}

}  // namespace proofbox::zero::api
