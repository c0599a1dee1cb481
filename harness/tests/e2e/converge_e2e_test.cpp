// The "done when", on real containers under Docker and LXC: the fixture repo's
// `memcached` role converged by the stand-in agent against the in-memory server answers
// `stats` on 11211; its broken variants fail with a readable report; SIGINT on a running
// `proofbox converge` leaves no container and no network behind.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "proofbox/harness/converge.hpp"
#include "proofbox/harness/converge_report.hpp"
#include "proofbox/harness/functional_specs.hpp"
#include "proofbox/harness/matchers.hpp"
#include "proofbox/harness/run_state.hpp"
#include "proofbox/harness/store_server_view.hpp"
#include "support/runtime_e2e.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::harness {
namespace {

namespace fs = std::filesystem;
using backup::testing::TempDir;
using backup::testing::write_file;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

const fs::path kSource = PROOFBOX_SOURCE_DIR;

// A copy of fixtures/harness-repo with a proofbox.yml naming the fixture image and the
// functional specs of the memcached roles.
void make_repo(const fs::path& repo, const std::string& runtime) {
  fs::copy(kSource / "fixtures/harness-repo", repo, fs::copy_options::recursive);
  write_file(repo / "proofbox.yml", "runtime: " + runtime + "\nimage: " +
                                        (kSource / "fixtures/images/memcached.yml").string() +
                                        "\ntimeout: 240\nrole_timeout: 120\n");
  const std::string memcached_spec =
      "replies:\n"
      "  11211: {send: \"stats\\r\\n\", expect: {contains: \"STAT pid\"}, within: 15s}\n"
      "node:\n"
      "  saved: true\n";
  write_file(repo / "spec/functional/memcached.yml",
             memcached_spec + "  run_list: [\"role[memcached]\"]\n");
  write_file(repo / "spec/functional/memcached-broken.yml",
             "replies:\n"
             "  11211: {send: \"stats\\r\\n\", expect: {contains: \"STAT pid\"}, within: 5s}\n");
}

class ConvergeE2E : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    runtime_ = make_runtime(GetParam());
    make_repo(repo_.path(), GetParam());
  }

  ConvergeOptions options(std::vector<std::string> roles) {
    ConvergeOptions opts;
    opts.repo = repo_.path();
    opts.config = load_converge_config(repo_.path());
    prepare_images(opts.config, repo_.path(), *runtime_, &std::cerr);
    opts.roles = std::move(roles);
    opts.keep = KeepPolicy::kNever;
    opts.progress = &std::cerr;
    opts.server_view = [](zero::store::Store& store, const std::string& org) {
      return std::make_unique<StoreServerView>(store, org);
    };
    return opts;
  }

  void expect_nothing_left(const std::string& run_id) {
    EXPECT_THAT(runtime_->list_leftovers(run_id), ::testing::IsEmpty()) << "run " << run_id;
  }

  TempDir repo_;
  std::unique_ptr<Runtime> runtime_;
};

TEST_P(ConvergeE2E, MemcachedConvergesAndRepliesToStats) {
  auto opts = options({"memcached"});
  std::atomic<bool> verified{false};
  opts.verify = [&](const ConvergedNode& node) {
    // The matchers, straight from C++, on the live node and the live server.
    EXPECT_THAT(node, RepliesTo(11211, "stats\r\n", HasSubstr("STAT pid")).Within(15s));
    EXPECT_THAT(node, NodeSaved());
    EXPECT_THAT(node, HasRunList(std::vector<std::string>{"role[memcached]"}));
    EXPECT_THAT(node, HasAutomaticAttribute("platform", ::testing::Eq("debian")));
    verified = true;
    return verify_role(node, repo_.path());  // the YAML form of the same checks
  };
  ConvergeRun run(*runtime_, opts);
  const RunResult result = run.run();
  std::ostringstream report;
  specs::write_report(report, converge_report(result), specs::ReportFormat::kHuman);
  EXPECT_TRUE(result.ok()) << report.str();
  EXPECT_TRUE(verified);
  ASSERT_EQ(result.nodes.size(), 1u);
  EXPECT_EQ(result.nodes[0].state, "passed");
  EXPECT_EQ(result.nodes[0].verification.cases.size(), 3u);
  std::ifstream log(result.output_dir / "memcached.converge.log");
  std::stringstream text;
  text << log.rdbuf();
  EXPECT_THAT(text.str(), HasSubstr("saved node memcached-1"));
  expect_nothing_left(result.run_id);
}

TEST_P(ConvergeE2E, TheBrokenVariantsFailWithAReadableReport) {
  auto opts = options({"memcached-bad-config", "memcached-broken"});
  const fs::path repo = repo_.path();
  opts.verify = [repo](const ConvergedNode& node) { return verify_role(node, repo); };
  ConvergeRun run(*runtime_, opts);
  const RunResult result = run.run();
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(result.nodes.size(), 2u);
  // memcached-bad-config: the recipe refuses its attributes, the converge fails.
  const NodeResult& bad_config = result.nodes[0];
  EXPECT_EQ(bad_config.state, "failed");
  EXPECT_EQ(bad_config.phase, "bootstrap");
  EXPECT_THAT(bad_config.message, HasSubstr("bootstrap exited with status"));
  EXPECT_THAT(bad_config.log_tail, HasSubstr("memcached"));
  // memcached-broken: converges, but memcached listens elsewhere, so the check of 11211 fails.
  const NodeResult& broken = result.nodes[1];
  EXPECT_EQ(broken.state, "failed");
  EXPECT_EQ(broken.phase, "verify");

  std::ostringstream human;
  specs::write_report(human, converge_report(result), specs::ReportFormat::kHuman);
  std::cerr << human.str();
  EXPECT_THAT(human.str(), HasSubstr("memcached-bad-config"));
  EXPECT_THAT(human.str(), HasSubstr("11211"));
  EXPECT_THAT(human.str(), HasSubstr("STAT pid"));
  expect_nothing_left(result.run_id);
}

// Runs build/proofbox with `args`; its stderr is readable line by line.
class Child {
 public:
  explicit Child(std::vector<std::string> args) {
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(pipe_fds[1], 2);
      std::vector<char*> argv;
      for (auto& arg : args) argv.push_back(arg.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(pipe_fds[1]);
    err_ = fdopen(pipe_fds[0], "r");
  }
  ~Child() {
    if (pid_ > 0 && status_ < 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (err_) fclose(err_);
  }
  // The next stderr line, false at the end.
  bool line(std::string& out) {
    char buffer[4096];
    if (!fgets(buffer, sizeof buffer, err_)) return false;
    out = buffer;
    seen_ += out;
    return true;
  }
  int wait() {
    std::string rest;
    while (line(rest)) {
    }
    int status = 0;
    waitpid(pid_, &status, 0);
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return status_;
  }
  pid_t pid() const { return pid_; }
  const std::string& seen() const { return seen_; }

 private:
  pid_t pid_ = -1;
  FILE* err_ = nullptr;
  int status_ = -1;
  std::string seen_;
};

TEST_P(ConvergeE2E, SigintMidwayLeavesNoContainerAndNoNetwork) {
  // Build the image first, so the child's run reaches its containers quickly.
  options({});
  Child child({std::string(PROOFBOX_BINARY_DIR) + "/proofbox", "converge", repo_.path().string(),
               "--role", "memcached", "--role", "memcached-broken", "--keep", "always"});
  std::string line, run_id;
  while (run_id.empty() && child.line(line)) {
    const auto at = line.find("] run ");
    if (at != std::string::npos) run_id = line.substr(at + 6, 8);
  }
  ASSERT_EQ(run_id.size(), 8u) << child.seen();
  // SIGINT once a container of the run exists.
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  bool has_container = false;
  while (!has_container && std::chrono::steady_clock::now() < deadline) {
    for (const auto& leftover : runtime_->list_leftovers(run_id))
      has_container = has_container || leftover.kind == Leftover::Kind::kContainer;
    if (!has_container) std::this_thread::sleep_for(50ms);
  }
  ASSERT_TRUE(has_container) << child.seen();
  const auto signalled = std::chrono::steady_clock::now();
  kill(child.pid(), SIGINT);
  const int status = child.wait();
  const auto teardown = std::chrono::steady_clock::now() - signalled;
  EXPECT_EQ(status, 130) << child.seen();
  EXPECT_THAT(child.seen(), HasSubstr("cancelling: SIGINT"));
  EXPECT_LT(teardown, 20s);
  std::cerr << GetParam() << ": SIGINT to exit in "
            << std::chrono::duration_cast<std::chrono::milliseconds>(teardown).count() << " ms\n"
            << child.seen();
  expect_nothing_left(run_id);
  testing::RunGuard guard(*runtime_, run_id);  // whatever a failure above left
}

TEST_P(ConvergeE2E, ConvergeKeepsTheNodeForVerifyThenDestroyRemovesIt) {
  options({});  // the image
  const std::string proofbox = std::string(PROOFBOX_BINARY_DIR) + "/proofbox";
  const fs::path junit = repo_.path() / "verify.xml";
  Child converge({proofbox, "converge", repo_.path().string(), "--role", "memcached"});
  ASSERT_EQ(converge.wait(), 0) << converge.seen();
  const RunState state = read_run_state(latest_run_dir(runs_dir_for(repo_.path())) / "state.json");
  testing::RunGuard guard(*runtime_, state.run_id);
  ASSERT_NE(state.node("memcached"), nullptr);
  EXPECT_TRUE(state.node("memcached")->kept);
  EXPECT_FALSE(state.network.empty());
  EXPECT_FALSE(runtime_->list_leftovers(state.run_id).empty());

  // verify, later, from the kept container and the saved server state.
  Child verify(
      {proofbox, "verify", repo_.path().string(), "--format", "junit", "--output", junit.string()});
  EXPECT_EQ(verify.wait(), 0) << verify.seen();
  std::ifstream in(junit);
  std::stringstream xml;
  xml << in.rdbuf();
  EXPECT_THAT(xml.str(), HasSubstr("<testsuite"));
  EXPECT_THAT(xml.str(), HasSubstr("11211"));
  EXPECT_THAT(xml.str(), ::testing::Not(HasSubstr("<failure")));

  Child destroy({proofbox, "destroy", "--run", state.run_id, "--runtime", GetParam()});
  EXPECT_EQ(destroy.wait(), 0) << destroy.seen();
  expect_nothing_left(state.run_id);
}

INSTANTIATE_TEST_SUITE_P(Runtimes, ConvergeE2E, ::testing::Values("docker", "lxc"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace proofbox::harness
