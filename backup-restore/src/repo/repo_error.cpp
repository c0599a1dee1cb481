#include "proofbox/backup/repo/repo_error.hpp"

#include <utility>

namespace proofbox::backup::repo {
namespace {

std::string located(const std::filesystem::path& file, int line, const std::string& message) {
  std::string out = file.string();
  if (line > 0) out += ":" + std::to_string(line);
  return out + ": " + message;
}

}  // namespace

RepoError::RepoError(std::filesystem::path file, int line, std::string message)
    : std::runtime_error(located(file, line, message)),
      file_(std::move(file)),
      line_(line),
      message_(std::move(message)) {}

}  // namespace proofbox::backup::repo
