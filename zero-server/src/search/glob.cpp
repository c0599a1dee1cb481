// Wildcard matching for terms and field names: `*` any run, `?` one character, `\x` literal x.
#include "proofbox/zero/search/query.hpp"

namespace proofbox::zero::search {

Pattern Pattern::literal(std::string_view text) {
  Pattern p;
  p.text = std::string(text);
  for (char c : text) {
    if (c == '*' || c == '?' || c == '\\') p.pattern.push_back('\\');
    p.pattern.push_back(c);
  }
  return p;
}

std::string literal_prefix(std::string_view pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '*' || c == '?') break;
    if (c == '\\' && i + 1 < pattern.size()) c = pattern[++i];
    out.push_back(c);
  }
  return out;
}

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative matcher: on a mismatch, retry from the last `*` with one more character eaten.
  std::size_t p = 0, t = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size()) {
      char c = pattern[p];
      if (c == '*') {
        star_p = ++p;
        star_t = t;
        continue;
      }
      if (c == '?') {
        ++p;
        ++t;
        continue;
      }
      std::size_t width = 1;
      if (c == '\\' && p + 1 < pattern.size()) {
        c = pattern[p + 1];
        width = 2;
      }
      if (c == text[t]) {
        p += width;
        ++t;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p;
    t = ++star_t;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace proofbox::zero::search
