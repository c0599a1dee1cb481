// The matchers against a real container (Docker and LXC): PortOpen and RepliesTo see a port that
// only the container listens on (127.0.0.1 inside it, invisible from the host), and the exec/file
// checks read the container, not the host. Uses the image built from fixtures/images/ (ci/setup
// builds it; a cached image makes this a no-op).
#include <random>

#include "proofbox/harness/functional_specs.hpp"
#include "proofbox/harness/images.hpp"
#include "proofbox/harness/matchers.hpp"
#include "proofbox/harness/probes.hpp"
#include "proofbox/harness/runtime.hpp"
#include "proofbox/harness/store_server_view.hpp"

namespace proofbox::harness {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// Removes what the test created even when an assertion fails.
struct Cleanup {
  Runtime& runtime;
  std::string container;
  std::string network;
  ~Cleanup() {
    try {
      if (!container.empty()) runtime.remove_container(container);
      if (!network.empty()) runtime.remove_network(network);
    } catch (const std::exception&) {
    }
  }
};

class MatchersNetns : public ::testing::TestWithParam<std::string> {};

// Creates the run's network and a container named memcached-1 on it from the fixture image,
// recording both in `cleanup`. An empty `command` leaves the container idle.
void start_memcached_box(Runtime& runtime, const std::string& run_id, Cleanup& cleanup,
                         std::vector<std::string> command) {
  auto spec = load_image_spec(std::string(PROOFBOX_SOURCE_DIR) + "/fixtures/images/memcached.yml");
  const std::string image = build_image(spec, runtime).reference;
  NetworkSpec net;
  net.name = "proofbox-" + run_id;
  net.labels[std::string(kRunLabel)] = run_id;
  cleanup.network = runtime.create_network(net).name;
  ContainerSpec box;
  box.name = "proofbox-" + run_id + "-memcached";
  box.hostname = "memcached-1";
  box.image = image;
  box.network = cleanup.network;
  box.command = std::move(command);
  box.labels[std::string(kRunLabel)] = run_id;
  cleanup.container = runtime.start_container(box);
}

TEST_P(MatchersNetns, PortOpenSeesAPortOnlyTheContainerListensOn) {
  auto runtime = make_runtime(GetParam());
  std::mt19937 random(std::random_device{}());
  std::string run_id = "mt" + std::to_string(random() % 1000000);
  // A port nothing on the host listens on, so a pass can only come from inside the container.
  int port = 0;
  for (int i = 0; i < 50 && port == 0; ++i) {
    int candidate = 20000 + static_cast<int>(random() % 20000);
    auto probe = tcp_connect(0, "127.0.0.1", candidate, 200ms);
    if (!probe.connected())
      port = candidate;
    else
      ::close(probe.fd);
  }
  ASSERT_NE(port, 0);

  Cleanup cleanup{*runtime, "", ""};
  start_memcached_box(
      *runtime, run_id, cleanup,
      {"memcached", "-u", "nobody", "-l", "127.0.0.1", "-p", std::to_string(port), "-U", "0"});

  ConvergedNode node;
  node.role = "memcached";
  node.node_name = "memcached-1";
  node.container_id = cleanup.container;
  node.runtime = runtime.get();

  EXPECT_THAT(node, PortOpen(port).Within(10s));
  EXPECT_THAT(node, RepliesTo(port, "stats\r\n", HasSubstr("STAT pid ")).Within(10s));
  EXPECT_THAT(node, ProcessRunning("memcached"));
  EXPECT_THAT(node, ServiceRunning("memcached"));
  EXPECT_THAT(node, FileContains("/etc/os-release", HasSubstr("bookworm")));
  EXPECT_THAT(node, CommandOutput("hostname", HasSubstr("memcached-1")));

  // The host does not see the port: the pass above came from the container's namespace.
  auto host = tcp_connect(0, "127.0.0.1", port, 500ms);
  EXPECT_FALSE(host.connected());
  if (host.connected()) ::close(host.fd);

  // A port the container does not listen on fails with what was tried.
  ::testing::StringMatchResultListener listener;
  ::testing::Matcher<const ConvergedNode&> closed = PortOpen(port + 1).Within(300ms);
  EXPECT_FALSE(closed.MatchAndExplain(node, &listener));
  EXPECT_THAT(listener.str(), StartsWith("connection refused on 127.0.0.1:" +
                                         std::to_string(port + 1) + " in memcached-1 after"));
}

// The example role spec fixtures/functional/memcached.yml, every section, against a container
// running memcached as the fixture recipe configures it and a server that saved the node.
TEST_P(MatchersNetns, ExampleRoleSpecPassesOnARealContainer) {
  auto runtime = make_runtime(GetParam());
  std::mt19937 random(std::random_device{}());
  std::string run_id = "mt" + std::to_string(random() % 1000000);

  Cleanup cleanup{*runtime, "", ""};
  start_memcached_box(*runtime, run_id, cleanup, {});
  runtime->put_file(cleanup.container, "/etc/memcached.conf",
                    "-p 11211\n-l 127.0.0.1\n-m 64\n-u nobody\n", 0644);
  auto started = runtime->exec(cleanup.container,
                               {"sh", "-c", "memcached -d -u nobody -l 127.0.0.1 -p 11211"}, 10s);
  ASSERT_EQ(started.exit_code, 0) << started.output;

  zero::store::Store store;
  nlohmann::json saved = {{"name", "memcached-1"},
                          {"chef_type", "node"},
                          {"chef_environment", "_default"},
                          {"run_list", {"role[memcached]"}},
                          {"automatic", {{"platform", "debian"}, {"roles", {"memcached"}}}}};
  store.create_org("chef")->nodes().put("memcached-1", zero::store::make_document(saved.dump()));
  StoreServerView view(store, "chef");

  ConvergedNode node{"memcached", "memcached-1", cleanup.container, runtime.get(), &view};
  auto suite = run_functional_specs(
      node, {std::string(PROOFBOX_SOURCE_DIR) + "/fixtures/functional/memcached.yml"});
  ASSERT_EQ(suite.cases.size(), 11u);
  for (const auto& c : suite.cases) {
    EXPECT_EQ(c.outcome, specs::Outcome::kPassed) << c.name << ": " << c.message;
  }
}

INSTANTIATE_TEST_SUITE_P(Runtimes, MatchersNetns, ::testing::Values("docker", "lxc"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace proofbox::harness
