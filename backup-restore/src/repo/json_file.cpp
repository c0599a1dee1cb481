#include "proofbox/backup/repo/json_file.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "proofbox/backup/repo/repo_error.hpp"

namespace proofbox::backup::repo {

std::string read_file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw RepoError(file, 0, "cannot be read");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw RepoError(file, 0, "cannot be read");
  return std::move(bytes).str();
}

Json parse_json_text(const std::filesystem::path& file, const std::string& text) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    const std::size_t end = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    const auto newlines = std::count(text.begin(), text.begin() + static_cast<long>(end), '\n');
    std::string what = e.what();
    // nlohmann prefixes "[json.exception.parse_error.101] parse error at line L, column C: ".
    if (auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    throw RepoError(file, static_cast<int>(newlines) + 1, "invalid JSON: " + what);
  }
}

Json read_json_object(const std::filesystem::path& file) {
  Json doc = parse_json_text(file, read_file_bytes(file));
  if (!doc.is_object()) throw RepoError(file, 1, "expected a JSON object");
  return doc;
}

}  // namespace proofbox::backup::repo
