// data_bag_item expectations: the item exists, has keys, and its encrypted fields decrypt with
// the secret file. Messages name keys and formats, never a value.
#include "eval.hpp"
#include "proofbox/specs/encrypted_item.hpp"

namespace proofbox::specs::detail {
namespace {

bool has_path(const Json& root, const std::string& dotted) {
  const Json* at = &root;
  std::size_t start = 0;
  while (true) {
    const auto dot = dotted.find('.', start);
    const std::string part = dotted.substr(start, dot == std::string::npos ? dot : dot - start);
    if (!at->is_object()) return false;
    auto it = at->find(part);
    if (it == at->end()) return false;
    at = &*it;
    if (dot == std::string::npos) return true;
    start = dot + 1;
  }
}

}  // namespace

Verdict check_data_bag_item(const FileWorld& world, const DataBagItemSpec& spec) {
  Verdict v;
  const Json* item = world.data_bag_item(spec.bag, spec.item);
  if (!item) {
    v.fail("no data bag item " + spec.bag + "/" + spec.item + "\n    actual: items in " + spec.bag +
           ": " + list_text(world.data_bag_items(spec.bag)));
    return v;
  }
  std::vector<std::string> keys;
  for (const auto& [key, value] : item->items()) keys.push_back(key);
  for (const auto& key : spec.has_keys) {
    if (!item->contains(key)) {
      v.fail(spec.bag + "/" + spec.item + " has key '" + key +
             "'\n    actual keys: " + list_text(keys));
    }
  }
  if (!spec.encrypted) return v;

  std::string secret;
  try {
    std::filesystem::path file = spec.secret_file;
    if (file.is_relative()) file = world.context().repo().root / file;
    secret = load_secret(file);
  } catch (const std::exception& e) {
    v.fail(e.what());
    return v;
  }
  for (const auto& [key, value] : item->items()) {
    if (key == "id") continue;
    if (!is_encrypted_value(value)) {
      v.fail("field '" + key + "' is not encrypted");
      continue;
    }
    const int format = encrypted_format(value);
    if (spec.format && format != *spec.format) {
      v.fail("field '" + key + "'\n  expected: format " + std::to_string(*spec.format) +
             "\n    actual: format " + std::to_string(format));
    }
  }
  Json plain;
  try {
    plain = decrypt_item(*item, secret);
  } catch (const DecryptionError& e) {
    v.fail(spec.bag + "/" + spec.item + " does not decrypt with " + spec.secret_file + ": " +
           e.what());
    return v;
  }
  for (const auto& path : spec.decrypted_keys) {
    if (!has_path(plain, path)) {
      v.fail(spec.bag + "/" + spec.item + " decrypted has no key '" + path +
             "'\n    actual keys: " + list_text(keys));
    }
  }
  return v;
}

}  // namespace proofbox::specs::detail
