#include "proofbox/zero/api/org_setup.hpp"

namespace proofbox::zero::api {

// TODO(clients): seed the validator client and the org document.
std::shared_ptr<store::Org> ensure_org(store::Store& store, std::string_view name,
                                       std::string_view) {
  auto org = store.org(name);
  if (org) return org;
  org = store.create_org(name);
  if (!org) return store.org(name);
  return org;
}

}  // namespace proofbox::zero::api
