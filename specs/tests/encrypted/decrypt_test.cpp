// Decryption of encrypted data bag items in formats 1, 2 and 3 against items made by an
// independent implementation (Ruby's openssl, fixtures/encrypted/make_items.rb), the committed
// ones and, when ruby is installed, freshly made ones.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "proofbox/specs/encrypted_item.hpp"

namespace proofbox::specs {
namespace {

namespace fs = std::filesystem;
const fs::path kFixtures = fs::path(PROOFBOX_SOURCE_DIR) / "specs/tests/fixtures";

Json read_json(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Json::parse(buffer.str());
}

Json without_id(Json item) {
  item.erase("id");
  return item;
}

class DecryptFixture : public ::testing::TestWithParam<int> {};

TEST_P(DecryptFixture, CommittedItemDecryptsToThePlaintext) {
  const int version = GetParam();
  const Json item =
      read_json(kFixtures / "repo/data_bags/vault" / ("v" + std::to_string(version) + ".json"));
  const std::string secret = load_secret(kFixtures / "encrypted/secret");
  for (const auto& [key, value] : item.items()) {
    if (key != "id") {
      EXPECT_EQ(encrypted_format(value), version) << key;
    }
  }
  EXPECT_EQ(without_id(decrypt_item(item, secret)),
            read_json(kFixtures / "encrypted/plaintext.json"));
}

TEST_P(DecryptFixture, WrongSecretIsRefusedWithoutShowingValues) {
  const int version = GetParam();
  const Json item =
      read_json(kFixtures / "repo/data_bags/vault" / ("v" + std::to_string(version) + ".json"));
  try {
    decrypt_value(item["password"], "not the secret");
    FAIL() << "decrypted with the wrong secret";
  } catch (const DecryptionError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.find("s3cr3t"), std::string::npos);
    if (version == 2) {
      EXPECT_NE(message.find("invalid hmac"), std::string::npos) << message;
    }
    if (version == 3) {
      EXPECT_NE(message.find("authentication tag"), std::string::npos) << message;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, DecryptFixture, ::testing::Values(1, 2, 3));

TEST(Decrypt, TamperedCiphertextFailsTheHmacAndTheTag) {
  const std::string secret = load_secret(kFixtures / "encrypted/secret");
  for (int version : {2, 3}) {
    Json item =
        read_json(kFixtures / "repo/data_bags/vault" / ("v" + std::to_string(version) + ".json"));
    std::string data = item["port"]["encrypted_data"];
    data[0] = data[0] == 'A' ? 'B' : 'A';
    item["port"]["encrypted_data"] = data;
    EXPECT_THROW(decrypt_value(item["port"], secret), DecryptionError) << version;
  }
}

TEST(Decrypt, CipherMustMatchTheFormat) {
  const std::string secret = load_secret(kFixtures / "encrypted/secret");
  Json item = read_json(kFixtures / "repo/data_bags/vault/v1.json");
  item["port"]["cipher"] = "aes-128-cbc";
  try {
    decrypt_value(item["port"], secret);
    FAIL();
  } catch (const DecryptionError& e) {
    EXPECT_NE(std::string(e.what()).find("aes-128-cbc"), std::string::npos);
  }
  item["port"]["version"] = 9;
  EXPECT_THROW(decrypt_value(item["port"], secret), DecryptionError);
}

TEST(Secret, SurroundingWhitespaceIsStripped) {
  EXPECT_EQ(load_secret(kFixtures / "encrypted/secret"), "correct horse battery staple");
  const fs::path empty = fs::temp_directory_path() / "proofbox-empty-secret";
  std::ofstream(empty) << " \n\t";
  EXPECT_THROW(load_secret(empty), std::runtime_error);
  fs::remove(empty);
}

TEST(Base64, ReadsAsRubyDecode64) {
  EXPECT_EQ(base64_decode("aGVs\nbG8=\n"), "hello");
  EXPECT_EQ(base64_decode("aGVsbG8"), "hello");
}

// Fresh items from the reference implementation (new random ivs every run).
TEST(Decrypt, FreshItemsFromRubyOpenssl) {
  if (std::system("ruby -e 'require \"openssl\"' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "ruby with openssl is not installed; the committed fixtures still ran";
  }
  const fs::path dir = fs::temp_directory_path() / ("proofbox-enc-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string command = "ruby '" + (kFixtures / "encrypted/make_items.rb").string() + "' '" +
                              dir.string() + "' '" + (kFixtures / "encrypted/secret").string() +
                              "' '" + (dir / "plain.json").string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  const std::string secret = load_secret(kFixtures / "encrypted/secret");
  for (int version : {1, 2, 3}) {
    const Json item = read_json(dir / ("v" + std::to_string(version) + ".json"));
    EXPECT_EQ(without_id(decrypt_item(item, secret)), read_json(dir / "plain.json")) << version;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace proofbox::specs
