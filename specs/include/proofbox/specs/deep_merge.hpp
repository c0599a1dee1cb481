#pragma once
// The two merges Chef uses to combine attributes (Chef::Mixin::DeepMerge):
//
//   deep_merge        within one precedence level (roles onto roles, environment default under
//                     role default, role override under environment override): objects merge
//                     key by key, two arrays become their union (the lower one's elements first,
//                     then the higher one's new ones, duplicates dropped as Ruby's Array#| does),
//                     anything else is replaced by the higher value (null included).
//   hash_only_merge   across levels (default < normal < override < automatic): objects merge
//                     key by key, arrays and everything else are replaced by the higher value.
#include "proofbox/zero/json.hpp"

namespace proofbox::specs {

using Json = proofbox::Json;

Json deep_merge(const Json& lower, const Json& higher);
Json hash_only_merge(const Json& lower, const Json& higher);

}  // namespace proofbox::specs
