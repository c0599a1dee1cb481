#pragma once
// When a failed request is tried again and how long to wait first: 5xx, 429, timeouts and
// broken connections are retried with exponential backoff and jitter (a random 50-100% of the
// delay), so many clients that failed together do not come back together.
#include <chrono>
#include <random>

#include "proofbox/backup/client/transport.hpp"

namespace proofbox::backup::client {

struct RetryPolicy {
  unsigned retries = 5;  // tries after the first
  std::chrono::milliseconds base{200};
  std::chrono::milliseconds cap{10000};

  // Worth another try: a transient transport failure, a 5xx or a 429.
  static bool retryable(const TransportResult& result);
  // The wait before retry number `attempt` (1 for the first retry).
  std::chrono::milliseconds delay(unsigned attempt, std::mt19937_64& rng) const;
};

}  // namespace proofbox::backup::client
