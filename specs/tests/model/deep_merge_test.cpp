// Chef's two merges, on the examples the Chef docs give ("Attribute Arrays": substitution and
// addition) and on the array rules (merged within a level, replaced across levels).
#include "proofbox/specs/deep_merge.hpp"

#include <gtest/gtest.h>

namespace proofbox::specs {
namespace {

Json j(const char* text) {
  return Json::parse(text);
}

TEST(DeepMerge, SubstitutesScalars) {
  EXPECT_EQ(deep_merge(j(R"({"x":"1","y":"2"})"), j(R"({"y":"3"})")), j(R"({"x":"1","y":"3"})"));
  EXPECT_EQ(deep_merge(j(R"({"x":true,"y":false})"), j(R"({"y":true})")),
            j(R"({"x":true,"y":true})"));
}

TEST(DeepMerge, AHashReplacesAnArray) {
  EXPECT_EQ(deep_merge(j(R"(["1","2","3"])"), j(R"({"x":"1","y":"2"})")),
            j(R"({"x":"1","y":"2"})"));
}

TEST(DeepMerge, AddsKeysAtEveryDepth) {
  EXPECT_EQ(deep_merge(j(R"({"x":"1","y":"2"})"), j(R"({"z":"3"})")),
            j(R"({"x":"1","y":"2","z":"3"})"));
  EXPECT_EQ(deep_merge(j(R"({"x":{"y":"2"}})"), j(R"({"x":{"z":"3"}})")),
            j(R"({"x":{"y":"2","z":"3"}})"));
}

TEST(DeepMerge, ArraysBecomeTheirUnionLowerFirst) {
  EXPECT_EQ(deep_merge(j(R"(["1","2"])"), j(R"(["3"])")), j(R"(["1","2","3"])"));
  EXPECT_EQ(deep_merge(j(R"([[1,2]])"), j(R"([[3]])")), j(R"([[1,2],[3]])"));
  // Ruby's Array#| drops duplicates from both sides, keeping first occurrences.
  EXPECT_EQ(deep_merge(j(R"(["a","b","a"])"), j(R"(["b","c","c"])")), j(R"(["a","b","c"])"));
}

TEST(DeepMerge, HigherNullReplaces) {
  EXPECT_EQ(deep_merge(j(R"({"x":1})"), j(R"({"x":null})")), j(R"({"x":null})"));
}

TEST(HashOnlyMerge, ArraysAreReplacedNotMerged) {
  EXPECT_EQ(hash_only_merge(j(R"({"a":[1,2],"b":{"c":1}})"), j(R"({"a":[3],"b":{"d":2}})")),
            j(R"({"a":[3],"b":{"c":1,"d":2}})"));
}

}  // namespace
}  // namespace proofbox::specs
