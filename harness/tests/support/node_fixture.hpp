#pragma once
// A ConvergedNode whose container is this test process (LocalRuntime), and a way to run a
// matcher the way EXPECT_THAT does while keeping its explanation for assertions.
#include <gmock/gmock.h>

#include "proofbox/harness/matchers.hpp"
#include "support/local_runtime.hpp"

namespace proofbox::harness::testing {

struct MatchOutcome {
  bool matched = false;
  std::string explanation;
  std::string description;
};

inline MatchOutcome run_matcher(const ::testing::Matcher<const ConvergedNode&>& matcher,
                                const ConvergedNode& node) {
  ::testing::StringMatchResultListener listener;
  MatchOutcome out;
  out.matched = matcher.MatchAndExplain(node, &listener);
  out.explanation = listener.str();
  out.description = ::testing::DescribeMatcher<const ConvergedNode&>(matcher);
  return out;
}

class LocalNodeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    saved_ = matcher_settings();
    matcher_settings().interval = std::chrono::milliseconds(50);
    node_.role = "memcached";
    node_.node_name = "memcached-1";
    node_.container_id = "local";
    node_.runtime = &runtime_;
  }
  void TearDown() override { matcher_settings() = saved_; }
  MatchOutcome check(const NodeMatcher& matcher) { return run_matcher(matcher, node_); }

  LocalRuntime runtime_;
  ConvergedNode node_;
  MatcherSettings saved_;
};

}  // namespace proofbox::harness::testing
