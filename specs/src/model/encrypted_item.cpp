#include "proofbox/specs/encrypted_item.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <array>
#include <fstream>
#include <memory>
#include <sstream>

namespace proofbox::specs {
namespace {

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool is_ruby_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '\0';
}

std::string string_field(const Json& envelope, const char* key) {
  auto it = envelope.find(key);
  if (it == envelope.end() || !it->is_string()) {
    throw DecryptionError(std::string("missing \"") + key + "\"");
  }
  return it->get<std::string>();
}

std::array<unsigned char, SHA256_DIGEST_LENGTH> sha256(const std::string& text) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> out{};
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), out.data());
  return out;
}

void check_hmac(const Json& envelope, const std::string& secret) {
  const std::string data = string_field(envelope, "encrypted_data");
  const std::string given = base64_decode(string_field(envelope, "hmac"));
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &mac_len);
  if (given.size() != mac_len || CRYPTO_memcmp(given.data(), mac, mac_len) != 0) {
    throw DecryptionError("invalid hmac (most likely the secret is not the one it was made with)");
  }
}

std::string decrypt(const Json& envelope, const std::string& secret, int version) {
  const bool gcm = version == 3;
  const std::string want_cipher = gcm ? "aes-256-gcm" : "aes-256-cbc";
  if (auto it = envelope.find("cipher"); it != envelope.end() && *it != want_cipher) {
    throw DecryptionError("cipher " + it->dump() + " is not " + want_cipher + " (format " +
                          std::to_string(version) + ")");
  }
  const std::string data = base64_decode(string_field(envelope, "encrypted_data"));
  const std::string iv = base64_decode(string_field(envelope, "iv"));
  const auto key = sha256(secret);

  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx) throw DecryptionError("cannot allocate a cipher context");
  const EVP_CIPHER* cipher = gcm ? EVP_aes_256_gcm() : EVP_aes_256_cbc();
  if (EVP_DecryptInit_ex(ctx.get(), cipher, nullptr, nullptr, nullptr) != 1) {
    throw DecryptionError("cannot set up " + want_cipher);
  }
  if (gcm) {
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(iv.size()),
                            nullptr) != 1) {
      throw DecryptionError("bad iv length");
    }
  } else if (iv.size() != 16) {
    throw DecryptionError("iv is " + std::to_string(iv.size()) + " bytes, not 16");
  }
  if (EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(),
                         reinterpret_cast<const unsigned char*>(iv.data())) != 1) {
    throw DecryptionError("cannot set key and iv");
  }
  std::string plain(data.size() + 32, '\0');
  int len = 0, total = 0;
  auto* out = reinterpret_cast<unsigned char*>(plain.data());
  if (gcm) {
    std::string tag = base64_decode(string_field(envelope, "auth_tag"));
    if (tag.empty()) throw DecryptionError("empty auth_tag");
    // Chef sets an empty auth_data; no AAD update is needed for that.
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag.size()),
                            tag.data()) != 1) {
      throw DecryptionError("bad auth_tag");
    }
  }
  if (EVP_DecryptUpdate(ctx.get(), out, &len, reinterpret_cast<const unsigned char*>(data.data()),
                        static_cast<int>(data.size())) != 1) {
    throw DecryptionError("decryption failed");
  }
  total = len;
  if (EVP_DecryptFinal_ex(ctx.get(), out + total, &len) != 1) {
    throw DecryptionError(gcm ? "authentication tag does not match (wrong secret or altered data)"
                              : "bad padding (most likely the wrong secret)");
  }
  total += len;
  plain.resize(static_cast<std::size_t>(total));
  return plain;
}

}  // namespace

std::string base64_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned int buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    const int v = base64_value(c);
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned int>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

std::string load_secret(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot read the secret file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string secret = buffer.str();
  std::size_t begin = 0, end = secret.size();
  while (begin < end && is_ruby_space(secret[begin])) ++begin;
  while (end > begin && is_ruby_space(secret[end - 1])) --end;
  secret = secret.substr(begin, end - begin);
  if (secret.empty()) throw std::runtime_error(file.string() + ": the secret file is empty");
  return secret;
}

bool is_encrypted_value(const Json& value) {
  return value.is_object() && value.contains("encrypted_data") && value.contains("version");
}

int encrypted_format(const Json& value) {
  if (!value.is_object()) return 0;
  auto it = value.find("version");
  return it != value.end() && it->is_number_integer() ? it->get<int>() : 0;
}

Json decrypt_value(const Json& envelope, const std::string& secret) {
  if (!is_encrypted_value(envelope)) throw DecryptionError("not an encrypted value");
  const int version = encrypted_format(envelope);
  if (version < 1 || version > 3) {
    throw DecryptionError("unsupported encrypted data bag item format " +
                          envelope["version"].dump());
  }
  if (version == 2) check_hmac(envelope, secret);
  const std::string plain = decrypt(envelope, secret, version);
  Json wrapper = Json::parse(plain, nullptr, false);
  if (wrapper.is_discarded() || !wrapper.is_object() || !wrapper.contains("json_wrapper")) {
    throw DecryptionError(
        "decrypted data is not Chef's JSON wrapper (most likely the wrong secret)");
  }
  return wrapper["json_wrapper"];
}

Json decrypt_item(const Json& item, const std::string& secret) {
  Json out = Json::object();
  for (const auto& [key, value] : item.items()) {
    if (key != "id" && is_encrypted_value(value)) {
      try {
        out[key] = decrypt_value(value, secret);
      } catch (const DecryptionError& e) {
        throw DecryptionError("field '" + key + "': " + e.what());
      }
    } else {
      out[key] = value;
    }
  }
  return out;
}

}  // namespace proofbox::specs
