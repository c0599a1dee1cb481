#pragma once
// Internal to the model: checks shared by the actors (clients and users) that carry keys.
#include "proofbox/zero/json.hpp"

namespace proofbox::zero::model {

// chef_key_base:validate_public_key_fields(opt, EJ, actor, create|update) for API v1+: no
// private_key, on update no create_key/public_key at all, on create a boolean create_key and a
// valid public_key, never both.
void validate_key_fields_v1(const Json& body, bool create);

}  // namespace proofbox::zero::model
