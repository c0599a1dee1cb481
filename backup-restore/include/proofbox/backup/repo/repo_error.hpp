#pragma once
// The error every part of the chef-repo reader throws: which file, which line (0 when the
// problem is the file as a whole) and what is wrong, shown as "FILE:LINE: message".
#include <filesystem>
#include <stdexcept>
#include <string>

namespace proofbox::backup::repo {

class RepoError : public std::runtime_error {
 public:
  RepoError(std::filesystem::path file, int line, std::string message);

  const std::filesystem::path& file() const { return file_; }
  int line() const { return line_; }
  const std::string& message() const { return message_; }

 private:
  std::filesystem::path file_;
  int line_;
  std::string message_;
};

}  // namespace proofbox::backup::repo
