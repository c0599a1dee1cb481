#pragma once
// Reading the repo's JSON files with errors that say which file and line is broken.
#include <filesystem>
#include <string>

#include "proofbox/zero/json.hpp"

namespace proofbox::backup::repo {

// The file's bytes; RepoError when it cannot be read.
std::string read_file_bytes(const std::filesystem::path& file);

// Parses `text` (the contents of `file`); a syntax error is a RepoError at the line of the
// offending byte.
Json parse_json_text(const std::filesystem::path& file, const std::string& text);

// read_file_bytes + parse_json_text, and the document must be a JSON object.
Json read_json_object(const std::filesystem::path& file);

}  // namespace proofbox::backup::repo
