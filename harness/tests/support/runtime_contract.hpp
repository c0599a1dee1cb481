#pragma once
// The runtime contract every Runtime implementation passes (harness/tests/e2e): instantiated
// once per runtime with its name ("docker", "lxc").
#include <gtest/gtest.h>

#include <memory>

#include "proofbox/harness/runtime.hpp"
#include "support/runtime_e2e.hpp"

namespace proofbox::harness::testing {

class RuntimeContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    runtime_ = make_runtime(GetParam());
    image_ = ensure_fixture_image(*runtime_);
    guard_ = std::make_unique<RunGuard>(*runtime_, random_run_id("e2e"));
  }
  void TearDown() override { guard_.reset(); }

  const std::string& run_id() const { return guard_->run_id(); }
  std::map<std::string, std::string> labels() const { return {{std::string(kRunLabel), run_id()}}; }
  Network make_network() { return runtime_->create_network({"proofbox-" + run_id(), labels()}); }
  std::string start(const Network& network, const std::string& role = "node") {
    ContainerSpec spec;
    spec.name = "proofbox-" + run_id() + "-" + role;
    spec.hostname = role;
    spec.image = image_;
    spec.network = network.name;
    spec.labels = labels();
    spec.env = {{"PROOFBOX_ROLE", role}};
    return runtime_->start_container(spec);
  }
  ExecResult sh(const std::string& id, const std::string& script,
                std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    return runtime_->exec(id, {"/bin/sh", "-c", script}, timeout);
  }

  std::unique_ptr<Runtime> runtime_;
  std::string image_;
  std::unique_ptr<RunGuard> guard_;
};

}  // namespace proofbox::harness::testing
