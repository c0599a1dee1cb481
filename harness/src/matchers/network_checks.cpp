// PortOpen and RepliesTo: probes from inside the node's network namespace.
#include <unistd.h>

#include "check_support.hpp"

namespace proofbox::harness {
namespace detail {

int node_pid(const ConvergedNode& node, std::string* error) {
  if (!node.runtime) {
    *error = "no container runtime for " + node_label(node);
    return -1;
  }
  try {
    return node.runtime->init_pid(node.container_id);
  } catch (const std::exception& e) {
    *error = std::string("cannot find the container's init process: ") + e.what();
    return -1;
  }
}

}  // namespace detail
namespace {

using std::chrono::milliseconds;

class PortCheck : public NodeCheck {
 public:
  PortCheck(int port, Transport transport) : port_(port), transport_(transport) {}
  std::string description() const override {
    return transport_ == Transport::kTcp
               ? "has TCP port " + std::to_string(port_) +
                     " open (a connect to 127.0.0.1 inside its network namespace succeeds)"
               : "has UDP port " + std::to_string(port_) + " bound (its UDP socket table)";
  }
  std::string negated_description() const override {
    return transport_ == Transport::kTcp
               ? "has TCP port " + std::to_string(port_) + " closed (a connect is refused)"
               : "has nothing bound to UDP port " + std::to_string(port_);
  }
  Observation observe(const ConvergedNode& node, milliseconds budget) const override {
    std::string error;
    int pid = detail::node_pid(node, &error);
    if (pid < 0) return {false, error};
    std::string where = "127.0.0.1:" + std::to_string(port_);
    if (transport_ == Transport::kUdp) {
      try {
        bool bound = udp_port_bound(pid, port_);
        return {bound, bound ? "a UDP socket is bound to port " + std::to_string(port_)
                             : "no UDP socket is bound to port " + std::to_string(port_)};
      } catch (const std::exception& e) {
        return {false, e.what()};
      }
    }
    ConnectResult c = tcp_connect(pid, "127.0.0.1", port_, std::min(budget, milliseconds{2000}));
    if (!c.connected()) return {false, c.error + " on " + where};
    ::close(c.fd);
    return {true, "connected to " + where};
  }

 private:
  int port_;
  Transport transport_;
};

class RepliesCheck : public NodeCheck {
 public:
  RepliesCheck(int port, std::string request, ::testing::Matcher<const std::string&> reply)
      : port_(port), request_(std::move(request)), reply_(std::move(reply)) {}
  std::string description() const override {
    return "replies to " + detail::quoted(request_) + " on port " + std::to_string(port_) +
           " with a reply that " + detail::describe<const std::string&>(reply_);
  }
  std::string negated_description() const override {
    return "does not reply to " + detail::quoted(request_) + " on port " + std::to_string(port_) +
           " with a reply that " + detail::describe<const std::string&>(reply_);
  }
  Observation observe(const ConvergedNode& node, milliseconds budget) const override {
    std::string error;
    int pid = detail::node_pid(node, &error);
    if (pid < 0) return {false, error};
    std::string where = "127.0.0.1:" + std::to_string(port_);
    ExchangeResult r =
        tcp_exchange(pid, "127.0.0.1", port_, request_, std::min(budget, milliseconds{5000}),
                     [this](const std::string& reply) { return detail::matches(reply_, reply); });
    if (!r.error.empty()) return {false, r.error + " on " + where};
    std::string how = r.done          ? ""
                      : r.peer_closed ? " before the peer closed"
                                      : " before the reply timed out";
    if (r.reply.empty()) {
      return {false, "no reply from " + where + how};
    }
    return {r.done, where + " replied " + detail::quoted(r.reply) + how};
  }

 private:
  int port_;
  std::string request_;
  ::testing::Matcher<const std::string&> reply_;
};

}  // namespace

NodeMatcher PortOpen(int port, Transport transport) {
  return NodeMatcher(std::make_shared<PortCheck>(port, transport));
}

NodeMatcher RepliesTo(int port, std::string request, ::testing::Matcher<const std::string&> reply) {
  return NodeMatcher(std::make_shared<RepliesCheck>(port, std::move(request), std::move(reply)));
}

}  // namespace proofbox::harness
