#pragma once
// A scratch directory for repo-reader tests: files are written by relative path and the whole
// tree is removed when the object goes away.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace proofbox::backup::repo::testing {

class TempRepo {
 public:
  TempRepo() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "proofbox-repo-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    root_ = std::filesystem::canonical(pattern);
  }
  ~TempRepo() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  TempRepo(const TempRepo&) = delete;
  TempRepo& operator=(const TempRepo&) = delete;

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path operator/(std::string_view relative) const { return root_ / relative; }

  // Writes `content` to `relative`, creating parent directories; returns the full path.
  std::filesystem::path write(std::string_view relative, std::string_view content) const {
    const auto path = root_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << content;
    return path;
  }

  void mkdir(std::string_view relative) const {
    std::filesystem::create_directories(root_ / relative);
  }

 private:
  std::filesystem::path root_;
};

}  // namespace proofbox::backup::repo::testing
