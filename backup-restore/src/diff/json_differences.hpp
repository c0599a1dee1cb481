#pragma once
// Where two JSON documents differ, as JSON pointers: objects are compared key by key, anything
// else (arrays included: a run list is one value) as a whole.
#include <string>
#include <vector>

#include "proofbox/zero/json.hpp"

namespace proofbox::backup::diff_detail {

void json_differences(const Json& a, const Json& b, const std::string& pointer,
                      std::vector<std::string>& out, std::size_t limit);

}  // namespace proofbox::backup::diff_detail
