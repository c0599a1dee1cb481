#include "runtime/exec_stream.hpp"

namespace proofbox::harness::runtime {

void ExecStreamDemuxer::feed(std::string_view chunk, std::string& out) {
  while (!chunk.empty()) {
    if (remaining_ > 0) {
      auto take = std::min<size_t>(remaining_, chunk.size());
      out.append(chunk.substr(0, take));
      remaining_ -= static_cast<std::uint32_t>(take);
      chunk.remove_prefix(take);
      continue;
    }
    auto need = 8 - header_.size();
    auto take = std::min(need, chunk.size());
    header_.append(chunk.substr(0, take));
    chunk.remove_prefix(take);
    if (header_.size() == 8) {
      const auto* h = reinterpret_cast<const unsigned char*>(header_.data());
      remaining_ = (std::uint32_t{h[4]} << 24) | (std::uint32_t{h[5]} << 16) |
                   (std::uint32_t{h[6]} << 8) | std::uint32_t{h[7]};
      header_.clear();
    }
  }
}

}  // namespace proofbox::harness::runtime
