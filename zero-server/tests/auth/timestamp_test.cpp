#include "proofbox/zero/auth/timestamp.hpp"

#include <gtest/gtest.h>

namespace proofbox::zero::auth {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

TEST(Timestamp, FormatsUtcWithSecondPrecision) {
  system_clock::time_point t{seconds{1795316908}};  // 2026-11-22T03:08:28Z
  EXPECT_EQ(format_iso8601(t), "2026-11-22T03:08:28Z");
  EXPECT_EQ(format_iso8601(t + std::chrono::milliseconds{999}), "2026-11-22T03:08:28Z");
  EXPECT_EQ(format_iso8601(system_clock::time_point{}), "1970-01-01T00:00:00Z");
}

TEST(Timestamp, ParsesZoneForms) {
  auto expected = system_clock::time_point{seconds{1795316908}};
  EXPECT_EQ(parse_iso8601("2026-11-22T03:08:28Z"), expected);
  EXPECT_EQ(parse_iso8601("2026-11-22T03:08:28.250Z"), expected);
  EXPECT_EQ(parse_iso8601("2026-11-22T04:08:28+01:00"), expected);
  EXPECT_EQ(parse_iso8601("2026-11-21T22:38:28-0430"), expected);
}

TEST(Timestamp, RejectsMalformedText) {
  for (const char* bad :
       {"", "yesterday", "2026-11-22", "2026-11-22T03:08:28", "2026-11-22 03:08:28Z",
        "2026-13-22T03:08:28Z", "2026-02-30T03:08:28Z", "2026-11-22T24:00:00Z",
        "2026-11-22T03:08:28Zjunk", "2026-11-22T03:08:28+1"}) {
    EXPECT_EQ(parse_iso8601(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace proofbox::zero::auth
