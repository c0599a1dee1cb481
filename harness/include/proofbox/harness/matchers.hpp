#pragma once
// GoogleMock matchers over a ConvergedNode, for C++ functional specs:
//
//   EXPECT_THAT(node, PortOpen(11211));
//   EXPECT_THAT(node, RepliesTo(11211, "stats\r\n", HasSubstr("STAT pid")).Within(30s));
//   EXPECT_THAT(node, HttpGet(8080, "/status", Eq(200), HasSubstr("ok")));
//   EXPECT_THAT(node, HasAutomaticAttribute("platform", Eq("debian")));
//
// Container checks run with the harness's own code from inside the node (its network
// namespace for ports and HTTP, its root for files, Runtime::exec for commands) and retry until
// a deadline (matcher_settings().within, 10 s unless changed, or .Within(d) per matcher), since
// services start slowly. Server checks read the node's ServerView and look once unless given
// .Within(d). A failure explains what was tried and the last value seen, e.g.
//   "connection refused on 127.0.0.1:11211 in memcached-1 after 10.0 s, 41 attempts".
#include <gmock/gmock.h>

#include <chrono>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "proofbox/harness/converged_node.hpp"
#include "proofbox/harness/probes.hpp"

namespace proofbox::harness {

struct MatcherSettings {
  std::chrono::milliseconds within{10000};  // default deadline of container checks
  std::chrono::milliseconds interval{250};  // pause between attempts
};
// The process-wide defaults (set them before running checks, e.g. from a --within option).
MatcherSettings& matcher_settings();

// What one attempt saw.
struct Observation {
  bool satisfied = false;
  std::string actual;  // e.g. "connection refused on 127.0.0.1:11211"
};

// One kind of check; NodeMatcher adds the retries and the gmock plumbing.
class NodeCheck {
 public:
  virtual ~NodeCheck() = default;
  virtual std::string description() const = 0;          // "has TCP port 11211 open ..."
  virtual std::string negated_description() const = 0;  // "does not have TCP port 11211 open"
  // One attempt; `budget` bounds its own waiting (connect, exec, read).
  virtual Observation observe(const ConvergedNode& node,
                              std::chrono::milliseconds budget) const = 0;
  // Container checks retry until the default deadline; server checks look once by default.
  virtual bool container_side() const { return true; }
};

// A check as a gmock matcher, with its deadline. Converts to Matcher<const ConvergedNode&>.
class NodeMatcher {
 public:
  explicit NodeMatcher(std::shared_ptr<const NodeCheck> check);
  // Retry until `deadline` has passed (0: one attempt).
  NodeMatcher Within(std::chrono::milliseconds deadline) const;
  // Passes once the check does NOT hold (retrying until the deadline), e.g. a port that must
  // close; unlike testing::Not, it stops waiting as soon as the check fails.
  NodeMatcher Inverted() const;

  const NodeCheck& check() const { return *check_; }
  std::chrono::milliseconds deadline() const;
  bool inverted() const { return inverted_; }
  // Runs the attempts; `explanation` gets the last value seen and what was tried.
  bool Evaluate(const ConvergedNode& node, std::string* explanation) const;
  std::string Describe() const;

  operator ::testing::Matcher<const ConvergedNode&>() const;  // NOLINT: implicit by design

 private:
  std::shared_ptr<const NodeCheck> check_;
  std::optional<std::chrono::milliseconds> within_;
  bool inverted_ = false;
};

// gtest prints the node this way in failure messages.
void PrintTo(const ConvergedNode& node, std::ostream* out);
// "memcached-1" (the node name, or the container id when the node has none).
std::string node_label(const ConvergedNode& node);

// --- container: network (inside the node's network namespace) -------------------------------
enum class Transport { kTcp, kUdp };
// TCP: a connect to 127.0.0.1:port succeeds. UDP: a socket is bound to the port.
NodeMatcher PortOpen(int port, Transport transport = Transport::kTcp);
// Sends `request` to 127.0.0.1:port and reads until `reply` matches what came back, the peer
// closes, or the attempt's time runs out.
NodeMatcher RepliesTo(int port, std::string request, ::testing::Matcher<const std::string&> reply);
// GET http://127.0.0.1:port/path (HTTP/1.1) with the status and body matching.
NodeMatcher HttpGet(int port, std::string path, ::testing::Matcher<int> status,
                    ::testing::Matcher<const std::string&> body = ::testing::_);
// Any request (host is ignored: always the node's loopback) whose response matches.
NodeMatcher HttpResponds(HttpRequest request, ::testing::Matcher<const HttpResponse&> response);

// Matchers on an HttpResponse, for HttpResponds.
::testing::Matcher<const HttpResponse&> HttpStatus(::testing::Matcher<int> status);
::testing::Matcher<const HttpResponse&> HttpBody(::testing::Matcher<const std::string&> body);
// A header (name case-insensitive) is present and its value matches.
::testing::Matcher<const HttpResponse&> HttpHeader(std::string name,
                                                   ::testing::Matcher<const std::string&> value);
// The body is JSON and the value at `path` ("a/b/0", as dpath writes it) equals `expected`.
::testing::Matcher<const HttpResponse&> HttpJsonAt(std::string path, nlohmann::json expected);
::testing::Matcher<const HttpResponse&> HttpFasterThan(std::chrono::milliseconds limit);

// --- container: processes and files ----------------------------------------------------------
// `sh -c command` through Runtime::exec exits 0.
NodeMatcher CommandSucceeds(std::string command);
// Its output (stdout and stderr) matches, whatever the exit status.
NodeMatcher CommandOutput(std::string command, ::testing::Matcher<const std::string&> output);
// Its exit status and, when given, its output match.
NodeMatcher CommandExits(std::string command, ::testing::Matcher<int> status,
                         std::optional<::testing::Matcher<const std::string&>> output = {});
NodeMatcher FileExists(std::string path);
NodeMatcher FileContains(std::string path, ::testing::Matcher<const std::string&> content);
// A process whose name (comm, 15 characters at most) is `name` runs in the container.
NodeMatcher ProcessRunning(std::string name);
// systemd says the unit is active, or /etc/init.d/NAME status exits 0, or a process `name` runs.
NodeMatcher ServiceRunning(std::string name);

// --- server side (the node's ServerView) ------------------------------------------------------
NodeMatcher NodeSaved();
NodeMatcher HasRunList(std::vector<std::string> run_list);  // exactly these entries, in order
NodeMatcher HasRunList(::testing::Matcher<const std::vector<std::string>&> run_list);
// The automatic attribute at a dotted path ("platform", "memcached.port") rendered as text
// (strings as they are, other values as JSON) matches.
NodeMatcher HasAutomaticAttribute(std::string path, ::testing::Matcher<const std::string&> value);
// A search of `index` with `query` finds this node.
NodeMatcher FoundBySearch(std::string index, std::string query);
// The names a search finds match.
NodeMatcher SearchFinds(std::string index, std::string query,
                        ::testing::Matcher<const std::vector<std::string>&> names);

}  // namespace proofbox::harness
