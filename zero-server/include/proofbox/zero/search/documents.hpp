#pragma once
// The document the Chef server indexes for each kind of object (and partial search reads).
#include <string_view>

#include "proofbox/zero/json.hpp"

namespace proofbox::zero::search {

// A node as indexed: its attributes merged default < normal < override < automatic (objects
// merge key by key, anything else is replaced by the higher level), `recipe` and `role` lists
// from the run list, and the node's other top-level fields (name, chef_environment, run_list,
// chef_type, json_class) on top. `recipes` and `roles` come from the automatic attributes.
Json node_for_indexing(const Json& node);

// A data bag item as indexed: its own fields plus `data_bag` and `chef_type`.
Json data_bag_item_for_indexing(const Json& item, std::string_view bag);

// A data bag item as a search row: the wrapper the Chef server returns around the item.
Json data_bag_item_row(const Json& item, std::string_view bag);

}  // namespace proofbox::zero::search
