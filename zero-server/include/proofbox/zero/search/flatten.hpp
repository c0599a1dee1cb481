#pragma once
// How a JSON document becomes search entries, as the Chef server indexes objects:
//   {"languages": {"ruby": {"version": "3.1"}}}  ->  languages_ruby_version = 3.1 and, by its
//   leaf name, version = 3.1; the intermediate keys `languages` and `languages_ruby` (and their
//   leaf names) are present, so `languages_ruby:*` matches.
// Arrays give their key one value per element (arrays of objects flatten each object under the
// key); numbers and booleans are indexed as their JSON text; null only marks presence.
#include "proofbox/zero/json.hpp"
#include "proofbox/zero/search/index.hpp"

namespace proofbox::zero::search {

Entries flatten(const Json& document);

}  // namespace proofbox::zero::search
