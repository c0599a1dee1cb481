// `proofbox destroy` on leftovers of a "crashed" run, in every runtime at once.
#include <gmock/gmock.h>
#include <sys/wait.h>

#include <cstdio>

#include "support/runtime_e2e.hpp"

namespace proofbox::harness::testing {
namespace {

using ::testing::HasSubstr;

struct Command {
  int status;
  std::string output;
};

Command run(const std::string& command) {
  Command result{-1, ""};
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.output.append(buf, n);
  int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TEST(ProofboxDestroy, RemovesEverythingOfOneRunInDockerAndLxcAndReportsIt) {
  auto docker = make_runtime("docker");
  auto lxc = make_runtime("lxc");
  auto run_id = random_run_id("crash");
  RunGuard docker_guard(*docker, run_id);
  RunGuard lxc_guard(*lxc, run_id);
  auto bystander_id = random_run_id("keep");
  RunGuard bystander_guard(*docker, bystander_id);
  std::map<std::string, std::string> labels{{std::string(kRunLabel), run_id}};
  for (Runtime* runtime : {docker.get(), lxc.get()}) {
    auto network = runtime->create_network({"proofbox-" + run_id, labels});
    ContainerSpec spec;
    spec.name = "proofbox-" + run_id + "-web";
    spec.image = ensure_fixture_image(*runtime);
    spec.network = network.name;
    spec.labels = labels;
    runtime->start_container(spec);
  }
  auto bystander = docker->create_network(
      {"proofbox-" + bystander_id, {{std::string(kRunLabel), bystander_id}}});

  auto destroyed = run(std::string(PROOFBOX_BINARY_DIR) + "/proofbox destroy --run " + run_id);
  EXPECT_EQ(destroyed.status, 0) << destroyed.output;
  EXPECT_THAT(destroyed.output, HasSubstr("removed docker container proofbox-" + run_id + "-web"));
  EXPECT_THAT(destroyed.output, HasSubstr("removed docker network proofbox-" + run_id));
  EXPECT_THAT(destroyed.output, HasSubstr("removed lxc container proofbox-" + run_id + "-web"));
  EXPECT_THAT(destroyed.output, HasSubstr("removed lxc network proofbox-" + run_id));
  EXPECT_TRUE(docker->list_leftovers(run_id).empty());
  EXPECT_TRUE(lxc->list_leftovers(run_id).empty());
  // Another run's objects stay.
  EXPECT_EQ(docker->list_leftovers(bystander_id).size(), 1u);

  auto again = run(std::string(PROOFBOX_BINARY_DIR) + "/proofbox destroy --run " + run_id);
  EXPECT_EQ(again.status, 0);
  EXPECT_THAT(again.output, HasSubstr("nothing to remove for run " + run_id));
}

}  // namespace
}  // namespace proofbox::harness::testing
