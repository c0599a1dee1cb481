#include "proofbox/specs/deep_merge.hpp"

#include <algorithm>

namespace proofbox::specs {
namespace {

void push_unique(Json& out, const Json& value) {
  if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
}

}  // namespace

Json deep_merge(const Json& lower, const Json& higher) {
  if (lower.is_object() && higher.is_object()) {
    Json out = lower;
    for (const auto& [key, value] : higher.items()) {
      auto it = out.find(key);
      if (it == out.end()) {
        out[key] = value;
      } else {
        *it = deep_merge(*it, value);
      }
    }
    return out;
  }
  if (lower.is_array() && higher.is_array()) {
    // Ruby's `lower | higher`: duplicates go even when both came from the same side.
    Json out = Json::array();
    for (const Json& v : lower) push_unique(out, v);
    for (const Json& v : higher) push_unique(out, v);
    return out;
  }
  return higher;
}

Json hash_only_merge(const Json& lower, const Json& higher) {
  if (lower.is_object() && higher.is_object()) {
    Json out = lower;
    for (const auto& [key, value] : higher.items()) {
      auto it = out.find(key);
      if (it == out.end()) {
        out[key] = value;
      } else {
        *it = hash_only_merge(*it, value);
      }
    }
    return out;
  }
  return higher;
}

}  // namespace proofbox::specs
