// Placeholder until the endpoint is written.
#include "proofbox/zero/api/endpoints.hpp"

namespace proofbox::zero::api {

void register_client_key_endpoints(Router&) {}

}  // namespace proofbox::zero::api
