#include "proofbox/zero/auth/base64.hpp"

#include <gtest/gtest.h>

#include "proofbox/zero/auth/digest.hpp"

namespace proofbox::zero::auth {
namespace {

TEST(Base64, EncodesRfc4648Vectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode(std::string("\xff\xfe\x00", 3)), "//4A");
}

TEST(Base64, DecodesWhatItEncodes) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (size_t n = 0; n <= all.size(); n += 37) {
    auto s = all.substr(0, n);
    EXPECT_EQ(base64_decode(base64_encode(s)), s) << n;
  }
}

TEST(Base64, RejectsGarbage) {
  EXPECT_EQ(base64_decode("Zm9v!mFy"), std::nullopt);  // outside the alphabet
  EXPECT_EQ(base64_decode("Zm9vYmF"), std::nullopt);   // not a multiple of 4
  EXPECT_EQ(base64_decode("Zm=vYmFy"), std::nullopt);  // padding in the middle
  EXPECT_EQ(base64_decode("Zg==Zg=="), std::nullopt);  // padding before the end
  EXPECT_EQ(base64_decode("Z==="), std::nullopt);      // three padding characters
  EXPECT_EQ(base64_decode("Zm9v\nYmFy"), std::nullopt);
}

TEST(Digest, MatchesKnownHashesInBase64) {
  // The X-Ops-Content-Hash of an empty body, as knife sends it for a GET.
  EXPECT_EQ(digest_base64(DigestAlg::Sha1, ""), "2jmj7l5rSw0yVb/vlWAYkK/YBwk=");
  EXPECT_EQ(digest_base64(DigestAlg::Sha256, ""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  EXPECT_EQ(digest(DigestAlg::Sha1, "abc").size(), 20u);
  EXPECT_EQ(digest(DigestAlg::Sha256, "abc").size(), 32u);
}

}  // namespace
}  // namespace proofbox::zero::auth
