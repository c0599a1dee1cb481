#pragma once
// Keeps a search Catalog in step with an organization's store: it observes the nodes, roles,
// environments, clients and data bag item collections (those that exist now, replayed, and
// those made later), so every write updates the index as it happens.
#include <memory>

#include "proofbox/zero/search/catalog.hpp"
#include "proofbox/zero/store/org.hpp"

namespace proofbox::zero::search {

// The org's catalog, attached on first use and kept for the org's lifetime.
std::shared_ptr<Catalog> org_catalog(const std::shared_ptr<store::Org>& org);

}  // namespace proofbox::zero::search
