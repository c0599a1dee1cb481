#include "proofbox/zero/auth/keys.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "proofbox/zero/auth/rsa.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "test_support.hpp"

namespace proofbox::zero::auth {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace proofbox::zero::auth::testing;

const KeyPair& generated() {
  static const KeyPair pair = generate_key_pair();
  return pair;
}

TEST(Keys, GeneratesPemInTheFormsChefUses) {
  const KeyPair& pair = generated();
  EXPECT_THAT(pair.private_pem, StartsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
  EXPECT_THAT(pair.public_pem, StartsWith("-----BEGIN PUBLIC KEY-----\n"));
  EXPECT_EQ(EVP_PKEY_get_bits(load_private_key(pair.private_pem).get()), 2048);
}

TEST(Keys, GeneratedKeysSignAndVerify) {
  const KeyPair& pair = generated();
  PKey priv = load_private_key(pair.private_pem);
  PKey pub = load_public_key(pair.public_pem);
  std::string sig = rsa_sign(priv, DigestAlg::Sha256, "hello");
  EXPECT_TRUE(rsa_verify(pub, DigestAlg::Sha256, "hello", sig));
  EXPECT_FALSE(rsa_verify(pub, DigestAlg::Sha256, "hellO", sig));
  EXPECT_EQ(rsa_public_decrypt(pub, rsa_private_encrypt(priv, "canonical")), "canonical");
}

TEST(Keys, EachGenerationIsANewKey) {
  EXPECT_NE(generate_key_pair(1024).public_pem, generate_key_pair(1024).public_pem);
}

TEST(Keys, PublicFromPrivateMatchesOpenSslsOwnExport) {
  // The fixture's .pub was written by `openssl rsa -pubout`.
  EXPECT_EQ(public_key_from_private(read_file(kPrivateKeyPath)), read_file(kPublicKeyPath));
  EXPECT_EQ(public_key_from_private(generated().private_pem), generated().public_pem);
}

TEST(Keys, LoadsBothPublicForms) {
  PKey priv = load_private_key(read_file(kPrivateKeyPath));
  std::string sig = rsa_sign(priv, DigestAlg::Sha256, "x");
  for (const auto& path : {kPublicKeyPath, kPkcs1PublicKeyPath}) {
    std::string pem = read_file(path);
    EXPECT_TRUE(is_valid_public_key(pem)) << path;
    EXPECT_TRUE(rsa_verify(load_public_key(pem), DigestAlg::Sha256, "x", sig)) << path;
  }
  EXPECT_EQ(public_key_pem(priv, PublicKeyFormat::Pkcs1), read_file(kPkcs1PublicKeyPath));
}

TEST(Keys, LoadsPkcs8PrivateKeys) {
  // `openssl genpkey` and newer tools write PKCS#8; a key of that form must still sign.
  PKey priv = load_private_key(read_file(kPrivateKeyPath));
  BIO* bio = BIO_new(BIO_s_mem());
  ASSERT_EQ(PEM_write_bio_PrivateKey(bio, priv.get(), nullptr, nullptr, 0, nullptr, nullptr), 1);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  std::string pkcs8(data, static_cast<size_t>(len));
  BIO_free(bio);
  ASSERT_THAT(pkcs8, StartsWith("-----BEGIN PRIVATE KEY-----"));
  EXPECT_EQ(public_key_from_private(pkcs8), read_file(kPublicKeyPath));
}

TEST(Keys, RejectsGarbageAsPublicKey) {
  const std::string pub = read_file(kPublicKeyPath);
  std::string corrupted = pub;
  corrupted[40] = corrupted[40] == 'A' ? 'B' : 'A';
  std::string truncated = pub.substr(0, pub.size() / 2) + "\n-----END PUBLIC KEY-----\n";
  for (const std::string& bad :
       {std::string(""), std::string("not a key"), std::string("-----BEGIN PUBLIC KEY-----\n"),
        std::string("-----BEGIN PUBLIC KEY-----\nZm9v\n-----END PUBLIC KEY-----\n"), corrupted,
        truncated, read_file(kPrivateKeyPath),
        std::string("-----BEGIN CERTIFICATE-----\nZm9v\n-----END CERTIFICATE-----\n")}) {
    EXPECT_FALSE(is_valid_public_key(bad)) << bad;
    EXPECT_THROW(load_public_key(bad), std::invalid_argument) << bad;
  }
  // The server's field check is stricter than loading: the header must start the text and
  // there must be one block. A stored key with stray text around it still loads.
  for (const std::string& loose : {"\n" + pub, pub + pub}) {
    EXPECT_FALSE(is_valid_public_key(loose)) << loose;
    EXPECT_NO_THROW(load_public_key(loose)) << loose;
  }
}

TEST(Keys, RequireValidPublicKeyAnswersLikeTheServer) {
  EXPECT_NO_THROW(require_valid_public_key(read_file(kPublicKeyPath)));
  try {
    require_valid_public_key("garbage");
    FAIL() << "accepted garbage";
  } catch (const ChefError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.messages(), std::vector<std::string>{"Public Key must be a valid key."});
  }
}

TEST(Keys, RejectsGarbageAsPrivateKey) {
  EXPECT_THROW(load_private_key("nope"), std::invalid_argument);
  EXPECT_THROW(load_private_key(read_file(kPublicKeyPath)), std::invalid_argument);
  EXPECT_THROW(
      load_private_key("-----BEGIN RSA PRIVATE KEY-----\nZm9v\n-----END RSA PRIVATE KEY-----\n"),
      std::invalid_argument);
  EXPECT_THROW(public_key_from_private("nope"), std::invalid_argument);
}

TEST(Keys, PrivateEncryptRefusesInputLongerThanTheKey) {
  PKey priv = load_private_key(read_file(kPrivateKeyPath));
  EXPECT_NO_THROW(rsa_private_encrypt(priv, std::string(245, 'x')));
  try {
    rsa_private_encrypt(priv, std::string(246, 'x'));
    FAIL() << "encrypted 246 bytes with a 2048-bit key";
  } catch (const std::invalid_argument& e) {
    EXPECT_THAT(e.what(), HasSubstr("1.1 or 1.3"));
  }
}

TEST(Keys, PublicDecryptRejectsForeignSignatures) {
  PKey priv = load_private_key(generated().private_pem);
  PKey other = load_public_key(read_file(kPublicKeyPath));
  EXPECT_EQ(rsa_public_decrypt(other, rsa_private_encrypt(priv, "data")), std::nullopt);
  EXPECT_EQ(rsa_public_decrypt(other, "short"), std::nullopt);
}

}  // namespace
}  // namespace proofbox::zero::auth
