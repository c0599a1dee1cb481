#include "runtime/exec_stream.hpp"

#include <gtest/gtest.h>

namespace proofbox::harness::runtime {
namespace {

std::string frame(char stream, std::string_view payload) {
  std::string out{stream, 0, 0, 0};
  auto n = static_cast<uint32_t>(payload.size());
  out += static_cast<char>(n >> 24);
  out += static_cast<char>((n >> 16) & 0xff);
  out += static_cast<char>((n >> 8) & 0xff);
  out += static_cast<char>(n & 0xff);
  return out + std::string(payload);
}

TEST(ExecStreamDemuxer, JoinsStdoutAndStderrInOrder) {
  ExecStreamDemuxer demuxer;
  std::string out;
  demuxer.feed(frame(1, "hello ") + frame(2, "oops ") + frame(1, "world"), out);
  EXPECT_EQ(out, "hello oops world");
  EXPECT_TRUE(demuxer.at_frame_boundary());
}

TEST(ExecStreamDemuxer, HandlesFramesSplitAtEveryByte) {
  auto stream = frame(1, "abc") + frame(2, std::string(300, 'x')) + frame(1, "");
  ExecStreamDemuxer demuxer;
  std::string out;
  for (char c : stream) demuxer.feed(std::string_view(&c, 1), out);
  EXPECT_EQ(out, "abc" + std::string(300, 'x'));
  EXPECT_TRUE(demuxer.at_frame_boundary());
}

TEST(ExecStreamDemuxer, ReadsLengthsAboveSixteenBits) {
  std::string payload(70000, 'z');
  payload[69999] = '!';
  ExecStreamDemuxer demuxer;
  std::string out;
  auto stream = frame(1, payload);
  demuxer.feed(stream.substr(0, 5), out);
  EXPECT_FALSE(demuxer.at_frame_boundary());
  demuxer.feed(stream.substr(5), out);
  EXPECT_EQ(out.size(), 70000u);
  EXPECT_EQ(out.back(), '!');
}

TEST(ExecStreamDemuxer, ReportsATruncatedFrame) {
  ExecStreamDemuxer demuxer;
  std::string out;
  demuxer.feed(frame(1, "complete").substr(0, 12), out);
  EXPECT_EQ(out, "comp");
  EXPECT_FALSE(demuxer.at_frame_boundary());
}

}  // namespace
}  // namespace proofbox::harness::runtime
