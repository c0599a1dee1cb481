#pragma once
// Encrypted data bag items (Chef::EncryptedDataBagItem). Every field but "id" holds an envelope
//   v1 {"encrypted_data": B64, "iv": B64, "version": 1, "cipher": "aes-256-cbc"}
//   v2 the same plus "hmac": B64(HMAC-SHA256(secret, the encrypted_data text as stored))
//   v3 {"encrypted_data", "iv", "auth_tag": B64, "version": 3, "cipher": "aes-256-gcm"}
// The AES key is SHA-256 of the secret; the plaintext is {"json_wrapper": VALUE}. Base64 is
// read as Ruby's decode64 reads it (line breaks and other stray characters ignored).
#include <filesystem>
#include <stdexcept>
#include <string>

#include "proofbox/zero/json.hpp"

namespace proofbox::specs {

using Json = proofbox::Json;

// Why a value did not decrypt. Never holds the secret or any plaintext.
class DecryptionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A secret file's content with leading and trailing whitespace removed (Ruby's String#strip,
// as Chef::EncryptedDataBagItem.load_secret does). Throws std::runtime_error when unreadable
// or empty.
std::string load_secret(const std::filesystem::path& file);

// True when `value` looks like an envelope (an object with "encrypted_data" and "version").
bool is_encrypted_value(const Json& value);
// The envelope's format version (1, 2, 3), 0 when absent or not a number.
int encrypted_format(const Json& value);

// Decrypts one field's envelope; throws DecryptionError (bad cipher name, unknown version,
// missing parts, wrong HMAC or auth tag, wrong key, plaintext that is not the JSON wrapper).
Json decrypt_value(const Json& envelope, const std::string& secret);

// The item with every encrypted field decrypted ("id" and plain fields as they are).
Json decrypt_item(const Json& item, const std::string& secret);

// Base64 as Ruby's Base64.decode64 reads it: characters outside the alphabet are skipped and
// decoding stops at padding.
std::string base64_decode(std::string_view text);

}  // namespace proofbox::specs
