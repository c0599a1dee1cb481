#include "proofbox/backup/client/retry_policy.hpp"

#include <algorithm>

namespace proofbox::backup::client {

bool RetryPolicy::retryable(const TransportResult& result) {
  if (result.error == TransportError::kTimeout || result.error == TransportError::kConnection) {
    return true;
  }
  if (result.error != TransportError::kNone) return false;
  return result.status >= 500 || result.status == 429;
}

std::chrono::milliseconds RetryPolicy::delay(unsigned attempt, std::mt19937_64& rng) const {
  double full = static_cast<double>(base.count());
  for (unsigned i = 1; i < attempt && full < static_cast<double>(cap.count()); ++i) full *= 2;
  full = std::min(full, static_cast<double>(cap.count()));
  std::uniform_real_distribution<double> jitter(0.5, 1.0);
  return std::chrono::milliseconds(static_cast<long long>(full * jitter(rng)));
}

}  // namespace proofbox::backup::client
