#pragma once
// Small helpers the check implementations share (private to the matchers).
#include <string>

#include "proofbox/harness/matchers.hpp"

namespace proofbox::harness::detail {

template <typename T, typename M>
std::string describe(const M& matcher, bool negation = false) {
  return ::testing::DescribeMatcher<T>(matcher, negation);
}

// Whether `value` matches, with gmock's own explanation (may be empty).
template <typename T>
bool matches(const ::testing::Matcher<T>& matcher, const std::remove_cvref_t<T>& value,
             std::string* why = nullptr) {
  ::testing::StringMatchResultListener listener;
  bool ok = matcher.MatchAndExplain(value, &listener);
  if (why) *why = listener.str();
  return ok;
}

// The host PID whose namespaces stand for the node; sets `error` when unknown.
int node_pid(const ConvergedNode& node, std::string* error);

// `"text"` quoted and escaped for messages.
inline std::string quoted(const std::string& text, std::size_t limit = 200) {
  return "\"" + printable(text, limit) + "\"";
}

}  // namespace proofbox::harness::detail
