// data_bag_item expectations: existence, keys, encrypted items with a secret file. Failure
// messages never show a value.
#include <gmock/gmock.h>

#include <fstream>

#include "spec_run.hpp"

namespace proofbox::specs {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_one;

constexpr const char* kSecret = "../encrypted/secret";  // relative to the fixture repo

TEST(DataBagSpec, ItemHasKeys) {
  auto c = run_one("expect:\n  - {data_bag_item: users/alice, has_keys: [uid, shell, groups]}\n");
  EXPECT_EQ(c.outcome, Outcome::kPassed) << c.message;
  auto f = run_one("expect:\n  - {data_bag_item: users/bob, has_keys: [uid, shell]}\n");
  EXPECT_EQ(f.outcome, Outcome::kFailed);
  EXPECT_EQ(f.message, "users/bob has key 'shell'\n    actual keys: [groups, id, uid]");
}

TEST(DataBagSpec, MissingItemListsTheBag) {
  auto c = run_one("expect:\n  - {data_bag_item: users/zed}\n");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_EQ(c.message, "no data bag item users/zed\n    actual: items in users: [alice, bob]");
}

TEST(DataBagSpec, StubbedBagReplacesTheRepoBag) {
  auto c = run_one(
      "data_bags:\n  users:\n    - {id: zed, uid: 1}\nexpect:\n  - {data_bag_item: users/alice}\n");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_EQ(c.message, "no data bag item users/alice\n    actual: items in users: [zed]");
}

TEST(DataBagSpec, EncryptedItemsOfEveryFormatDecrypt) {
  for (int format : {1, 2, 3}) {
    const std::string f = std::to_string(format);
    auto c = run_one("expect:\n  - data_bag_item: vault/v" + f + "\n    encrypted: {secret_file: " +
                     kSecret + ", format: " + f + ", keys: [password, tls.cert, tls.verify]}\n");
    EXPECT_EQ(c.outcome, Outcome::kPassed) << format << ": " << c.message;
  }
}

TEST(DataBagSpec, WrongSecretFailsWithoutValues) {
  const auto wrong = std::filesystem::temp_directory_path() / "proofbox-wrong-secret";
  std::ofstream(wrong) << "not it\n";
  auto c = run_one("expect:\n  - data_bag_item: vault/v2\n    encrypted: {secret_file: " +
                   wrong.string() + "}\n");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_EQ(c.message, "vault/v2 does not decrypt with " + wrong.string() +
                           ": field 'note': invalid hmac (most likely the secret is not the one "
                           "it was made with)");
  std::filesystem::remove(wrong);
}

TEST(DataBagSpec, MissingDecryptedKeyAndWrongFormat) {
  auto c =
      run_one(std::string("expect:\n  - data_bag_item: vault/v1\n    encrypted: {secret_file: ") +
              kSecret + ", format: 3, keys: [password, tls.key]}\n");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_THAT(c.message, HasSubstr("field 'password'\n  expected: format 3\n    actual: format 1"));
  EXPECT_THAT(c.message, HasSubstr("vault/v1 decrypted has no key 'tls.key'"));
  EXPECT_THAT(c.message, Not(HasSubstr("s3cr3t")));
  EXPECT_THAT(c.message, Not(HasSubstr("BEGIN CERTIFICATE")));
}

TEST(DataBagSpec, PlainItemIsNotEncrypted) {
  auto c = run_one(
      std::string("expect:\n  - data_bag_item: users/alice\n    encrypted: {secret_file: ") +
      kSecret + "}\n");
  EXPECT_EQ(c.outcome, Outcome::kFailed);
  EXPECT_THAT(c.message, HasSubstr("field 'groups' is not encrypted"));
}

}  // namespace
}  // namespace proofbox::specs
