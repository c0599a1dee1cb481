#pragma once
// Running code "from inside a container" without any tool in its image: network namespaces are
// per thread, so a helper thread that joins the namespace of the container's init (setns on
// /proc/PID/ns/net) opens sockets that live in the container's network. A socket keeps its
// namespace for life, so the caller can use it from any thread afterwards. Needs root (or
// CAP_SYS_ADMIN over the target namespace) unless the target shares our namespace.
#include <functional>

namespace proofbox::harness {

// Runs `fn` with the network namespace of process `pid`; exceptions from `fn` propagate.
// When `pid` is <= 0, this process, or a process already in our namespace, `fn` runs in place.
// Throws RuntimeError when the namespace cannot be entered.
void run_in_netns(int pid, const std::function<void()>& fn);

// A socket(2) created inside the network namespace of `pid` (close-on-exec). Throws
// RuntimeError naming the namespace and the errno text on failure.
int netns_socket(int pid, int domain, int type, int protocol = 0);

}  // namespace proofbox::harness
