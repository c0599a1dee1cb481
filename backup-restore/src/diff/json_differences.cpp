#include "diff/json_differences.hpp"

namespace proofbox::backup::diff_detail {
namespace {

// RFC 6901 escaping of one reference token.
std::string escape_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

void json_differences(const Json& a, const Json& b, const std::string& pointer,
                      std::vector<std::string>& out, std::size_t limit) {
  if (out.size() >= limit || a == b) return;
  if (!a.is_object() || !b.is_object()) {
    out.push_back(pointer.empty() ? "/" : pointer);
    return;
  }
  auto ia = a.begin();
  auto ib = b.begin();
  // Both are key-sorted maps: walk them together.
  while ((ia != a.end() || ib != b.end()) && out.size() < limit) {
    if (ib == b.end() || (ia != a.end() && ia.key() < ib.key())) {
      out.push_back(pointer + "/" + escape_token(ia.key()));
      ++ia;
    } else if (ia == a.end() || ib.key() < ia.key()) {
      out.push_back(pointer + "/" + escape_token(ib.key()));
      ++ib;
    } else {
      json_differences(ia.value(), ib.value(), pointer + "/" + escape_token(ia.key()), out, limit);
      ++ia;
      ++ib;
    }
  }
}

}  // namespace proofbox::backup::diff_detail
