#pragma once
// Docker's multiplexed attach stream (Tty=false): frames of an 8-byte header — stream type
// (0 stdin, 1 stdout, 2 stderr), three zero bytes, a big-endian 32-bit payload length — then
// the payload. Bytes arrive in arbitrary chunks; the demuxer keeps partial frames between feeds.
#include <cstdint>
#include <string>
#include <string_view>

namespace proofbox::harness::runtime {

class ExecStreamDemuxer {
 public:
  // Appends the payloads of every frame completed by `chunk` to `out`, in stream order
  // (stdout and stderr interleaved as written).
  void feed(std::string_view chunk, std::string& out);
  // True when no partial frame is pending (the stream ended on a frame boundary).
  bool at_frame_boundary() const { return header_.empty() && remaining_ == 0; }

 private:
  std::string header_;           // bytes of a header not yet complete
  std::uint32_t remaining_ = 0;  // payload bytes still due for the current frame
};

}  // namespace proofbox::harness::runtime
