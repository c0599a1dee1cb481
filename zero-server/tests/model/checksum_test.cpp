#include "proofbox/zero/model/checksum.hpp"

#include <gtest/gtest.h>

namespace proofbox::zero::model {
namespace {

TEST(Checksum, Md5HexOfKnownInputs) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(md5_hex("The quick brown fox jumps over the lazy dog"),
            "9e107d9d372bb6826bd81d3542a419d6");
  EXPECT_EQ(md5_hex(std::string("\0\xff", 2)).size(), 32u);
}

TEST(Checksum, ValidIsThirtyTwoLowercaseHex) {
  EXPECT_TRUE(valid_checksum("d41d8cd98f00b204e9800998ecf8427e"));
  EXPECT_FALSE(valid_checksum("D41D8CD98F00B204E9800998ECF8427E"));
  EXPECT_FALSE(valid_checksum("d41d8cd98f00b204e9800998ecf8427"));
  EXPECT_FALSE(valid_checksum("d41d8cd98f00b204e9800998ecf8427e0"));
  EXPECT_FALSE(valid_checksum("g41d8cd98f00b204e9800998ecf8427e"));
  EXPECT_EQ(lower_checksum("D41D8CD98F00B204E9800998ECF8427E"), "d41d8cd98f00b204e9800998ecf8427e");
}

}  // namespace
}  // namespace proofbox::zero::model
