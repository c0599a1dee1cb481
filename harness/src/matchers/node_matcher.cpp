// The retry loop and the gmock plumbing shared by every node check.
#include <algorithm>
#include <ostream>
#include <thread>

#include "proofbox/harness/matchers.hpp"

namespace proofbox::harness {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// The least time one attempt gets, even when the deadline has (nearly) passed.
constexpr milliseconds kMinimumAttempt{1000};

class NodeMatcherImpl : public ::testing::MatcherInterface<const ConvergedNode&> {
 public:
  explicit NodeMatcherImpl(NodeMatcher matcher) : matcher_(std::move(matcher)) {}
  bool MatchAndExplain(const ConvergedNode& node,
                       ::testing::MatchResultListener* listener) const override {
    std::string explanation;
    bool ok = matcher_.Evaluate(node, &explanation);
    *listener << explanation;
    return ok;
  }
  void DescribeTo(std::ostream* os) const override { *os << matcher_.Describe(); }
  void DescribeNegationTo(std::ostream* os) const override {
    *os << (matcher_.inverted() ? matcher_.check().description()
                                : matcher_.check().negated_description());
  }

 private:
  NodeMatcher matcher_;
};

}  // namespace

MatcherSettings& matcher_settings() {
  static MatcherSettings settings;
  return settings;
}

std::string node_label(const ConvergedNode& node) {
  if (!node.node_name.empty()) return node.node_name;
  if (!node.container_id.empty()) return "container " + node.container_id.substr(0, 12);
  return "the node";
}

void PrintTo(const ConvergedNode& node, std::ostream* out) {
  *out << "node " << node_label(node);
  if (!node.role.empty()) *out << " (role " << node.role << ")";
}

NodeMatcher::NodeMatcher(std::shared_ptr<const NodeCheck> check) : check_(std::move(check)) {}

NodeMatcher NodeMatcher::Within(milliseconds deadline) const {
  NodeMatcher copy = *this;
  copy.within_ = deadline;
  return copy;
}

NodeMatcher NodeMatcher::Inverted() const {
  NodeMatcher copy = *this;
  copy.inverted_ = !inverted_;
  return copy;
}

milliseconds NodeMatcher::deadline() const {
  if (within_) return *within_;
  return check_->container_side() ? matcher_settings().within : milliseconds{0};
}

std::string NodeMatcher::Describe() const {
  return inverted_ ? check_->negated_description() : check_->description();
}

bool NodeMatcher::Evaluate(const ConvergedNode& node, std::string* explanation) const {
  const auto start = Clock::now();
  const auto end = start + deadline();
  const milliseconds interval = matcher_settings().interval;
  int attempts = 0;
  Observation seen;
  bool ok = false;
  while (true) {
    auto left = std::chrono::duration_cast<milliseconds>(end - Clock::now());
    ++attempts;
    seen = check_->observe(node, std::max(left, kMinimumAttempt));
    ok = seen.satisfied != inverted_;
    if (ok) break;
    // The last attempt starts at the deadline at the earliest, so "after 10.0 s" is true.
    auto now = Clock::now();
    if (now >= end) break;
    std::this_thread::sleep_for(std::min<Clock::duration>(interval, end - now));
  }
  if (explanation) {
    std::string where = check_->container_side() ? " in " + node_label(node) : "";
    *explanation = seen.actual + where + " after " + seconds_text(Clock::now() - start) + ", " +
                   std::to_string(attempts) + (attempts == 1 ? " attempt" : " attempts");
  }
  return ok;
}

NodeMatcher::operator ::testing::Matcher<const ConvergedNode&>() const {
  return ::testing::MakeMatcher(new NodeMatcherImpl(*this));
}

}  // namespace proofbox::harness
