#pragma once
// One regular file as an uncompressed tar archive in memory (for Docker's PUT
// /containers/ID/archive, which unpacks it at `/` and creates missing parent directories).
#include <string>
#include <string_view>

namespace proofbox::harness::runtime {

// `path` is absolute or relative; it is stored relative to `/`. Owner root:root.
std::string single_file_tar(const std::string& path, std::string_view content, unsigned mode);

}  // namespace proofbox::harness::runtime
