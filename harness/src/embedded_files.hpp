#pragma once
// Files compiled into the binary by harness/cmake/embed_files.cmake: the shipped bootstrap
// templates ("templates/NAME.sh.mustache") and the stand-in agent ("agent/proofbox-agent").
#include <string_view>
#include <vector>

namespace proofbox::harness::embedded {

struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

const std::vector<EmbeddedFile>& files();

}  // namespace proofbox::harness::embedded
