#include "proofbox/backup/client/server_url.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

#include "proofbox/backup/client/retry_policy.hpp"

namespace proofbox::backup::client {
namespace {

TEST(ServerUrl, OrganizationFromThePath) {
  ServerUrl u = parse_server_url("https://chef.example:8443/organizations/acme/");
  EXPECT_EQ(u.base, "https://chef.example:8443");
  EXPECT_EQ(u.org, "acme");
  EXPECT_EQ(u.org_prefix, "/organizations/acme");
  u = parse_server_url("http://127.0.0.1:8889");
  EXPECT_EQ(u.base, "http://127.0.0.1:8889");
  EXPECT_EQ(u.org, "");
  EXPECT_EQ(u.org_prefix, "");
  EXPECT_THROW(parse_server_url("chef.example/organizations/x"), std::invalid_argument);
  EXPECT_THROW(parse_server_url("ftp://chef.example"), std::invalid_argument);
  EXPECT_THROW(parse_server_url("https:///organizations/x"), std::invalid_argument);
  EXPECT_EQ(url_path("https://h:1/a/b?c=d"), "/a/b");
  EXPECT_EQ(url_path("/x/y?z"), "/x/y");
}

TEST(RetryPolicy, RetriesTransientFailuresOnly) {
  TransportResult r;
  r.status = 503;
  EXPECT_TRUE(RetryPolicy::retryable(r));
  r.status = 429;
  EXPECT_TRUE(RetryPolicy::retryable(r));
  r.status = 404;
  EXPECT_FALSE(RetryPolicy::retryable(r));
  r.status = 409;
  EXPECT_FALSE(RetryPolicy::retryable(r));
  r.status = 0;
  r.error = TransportError::kTimeout;
  EXPECT_TRUE(RetryPolicy::retryable(r));
  r.error = TransportError::kConnection;
  EXPECT_TRUE(RetryPolicy::retryable(r));
  r.error = TransportError::kFatal;  // e.g. TLS verification failed
  EXPECT_FALSE(RetryPolicy::retryable(r));
}

TEST(RetryPolicy, ExponentialWithJitterUnderTheCap) {
  RetryPolicy p;
  p.base = std::chrono::milliseconds(100);
  p.cap = std::chrono::milliseconds(1000);
  std::mt19937_64 rng(42);
  bool varied = false;
  for (unsigned attempt = 1; attempt <= 8; ++attempt) {
    long full = std::min(100L << (attempt - 1), 1000L);
    auto first = p.delay(attempt, rng).count();
    for (int i = 0; i < 50; ++i) {
      auto d = p.delay(attempt, rng).count();
      EXPECT_GE(d, full / 2) << attempt;
      EXPECT_LE(d, full) << attempt;
      if (d != first) varied = true;
    }
  }
  EXPECT_TRUE(varied);
}

}  // namespace
}  // namespace proofbox::backup::client
