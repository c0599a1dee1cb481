#pragma once
// What every new organization starts with, as on the Chef server: the `_default` environment,
// the org document and its validator client (ORG-validator).
#include <memory>
#include <string_view>

#include "proofbox/zero/store/store.hpp"

namespace proofbox::zero::api {

// Creates and seeds the org when missing; returns it either way.
std::shared_ptr<store::Org> ensure_org(store::Store& store, std::string_view name,
                                       std::string_view full_name);

}  // namespace proofbox::zero::api
