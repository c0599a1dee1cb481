#pragma once
// X-Ops-Timestamp values: ISO-8601 in UTC with second precision, "2026-11-22T03:08:28Z".
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace proofbox::zero::auth {

std::string format_iso8601(std::chrono::system_clock::time_point t);

// Accepts "YYYY-MM-DDTHH:MM:SS" followed by optional fractional seconds (dropped) and a zone:
// "Z", "+HH:MM", "-HH:MM" or "+HHMM". nullopt on anything else or on an impossible date.
std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text);

}  // namespace proofbox::zero::auth
