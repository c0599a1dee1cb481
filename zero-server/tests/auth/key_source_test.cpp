#include "proofbox/zero/auth/key_source.hpp"

#include <gtest/gtest.h>

namespace proofbox::zero::auth {
namespace {

TEST(KeySource, DefaultGeneratesFreshPairs) {
  set_key_pair_source(nullptr);
  KeyPair a = new_key_pair();
  KeyPair b = new_key_pair();
  EXPECT_NE(a.private_pem, b.private_pem);
  EXPECT_EQ(public_key_from_private(a.private_pem), a.public_pem);
}

TEST(KeySource, ReplacedSourceIsUsedUntilRestored) {
  int calls = 0;
  set_key_pair_source([&calls] {
    ++calls;
    return KeyPair{"private", "public"};
  });
  EXPECT_EQ(new_key_pair().public_pem, "public");
  EXPECT_EQ(calls, 1);
  set_key_pair_source(nullptr);
  EXPECT_NE(new_key_pair().public_pem, "public");
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace proofbox::zero::auth
