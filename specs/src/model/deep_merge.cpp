#include "proofbox/specs/deep_merge.hpp"

#include <algorithm>

namespace proofbox::specs {
namespace {

void push_unique(Json& out, const Json& value) {
  if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
}

// Chef's two merges differ only in arrays: deep_merge unions them (Ruby's `lower | higher`),
// hash_only_merge lets the higher side's array replace the lower one.
Json merge_objects(const Json& lower, const Json& higher, bool union_arrays) {
  if (lower.is_object() && higher.is_object()) {
    Json out = lower;
    for (const auto& [key, value] : higher.items()) {
      auto it = out.find(key);
      if (it == out.end()) {
        out[key] = value;
      } else {
        *it = merge_objects(*it, value, union_arrays);
      }
    }
    return out;
  }
  if (union_arrays && lower.is_array() && higher.is_array()) {
    // Duplicates go even when both came from the same side.
    Json out = Json::array();
    for (const Json& v : lower) push_unique(out, v);
    for (const Json& v : higher) push_unique(out, v);
    return out;
  }
  return higher;
}

}  // namespace

Json deep_merge(const Json& lower, const Json& higher) {
  return merge_objects(lower, higher, true);
}

Json hash_only_merge(const Json& lower, const Json& higher) {
  return merge_objects(lower, higher, false);
}

}  // namespace proofbox::specs
