#pragma once
// The JSON value type used across proofbox.
#include <nlohmann/json.hpp>

namespace proofbox {
using Json = nlohmann::json;
}  // namespace proofbox
