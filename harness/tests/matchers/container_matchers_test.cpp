// CommandSucceeds/CommandOutput/CommandExits, FileExists/FileContains, ProcessRunning and
// ServiceRunning with this process standing in for the container.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/node_fixture.hpp"

namespace proofbox::harness {
namespace {

using namespace std::chrono_literals;
using ::testing::Eq;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

class ContainerMatchers : public testing::LocalNodeTest {
 protected:
  void SetUp() override {
    LocalNodeTest::SetUp();
    dir_ = std::filesystem::temp_directory_path() /
           ("pbx-matchers-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    if (daemon_ > 0) {
      ::kill(daemon_, SIGKILL);
      ::waitpid(daemon_, nullptr, 0);
    }
    std::filesystem::remove_all(dir_);
    LocalNodeTest::TearDown();
  }
  // Starts a copy of `sleep` named `name` (a process's comm is its executable's name).
  void start_daemon(const std::string& name) {
    auto program = dir_ / name;
    std::filesystem::copy_file("/bin/sleep", program);
    daemon_ = ::fork();
    if (daemon_ == 0) {
      ::execl(program.c_str(), name.c_str(), "30", static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  std::filesystem::path dir_;
  pid_t daemon_ = -1;
};

TEST_F(ContainerMatchers, CommandSucceeds) {
  EXPECT_THAT(node_, CommandSucceeds("test -d /proc"));
  auto out = check(CommandSucceeds("echo nope; exit 3").Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation,
              StartsWith("`echo nope; exit 3` exited 3 with output \"nope\\n\" in memcached-1"));
  EXPECT_THAT(out.description, Eq("runs `echo nope; exit 3` that exits with a status that is "
                                  "equal to 0"));
}

TEST_F(ContainerMatchers, CommandSucceedsRetriesUntilTheDeadline) {
  auto flag = dir_ / "ready";
  // Fails until the flag file exists; a thread creates it after 300 ms.
  std::thread later([&] {
    std::this_thread::sleep_for(300ms);
    std::ofstream(flag) << "x";
  });
  auto out = check(CommandSucceeds("test -e " + flag.string()).Within(2s));
  later.join();
  EXPECT_TRUE(out.matched) << out.explanation;
  EXPECT_GT(runtime_.exec_count, 1);
}

TEST_F(ContainerMatchers, CommandOutputAndExits) {
  EXPECT_THAT(node_, CommandOutput("echo memcached 1.6.18", HasSubstr("1.6")));
  EXPECT_THAT(node_, CommandExits("exit 2", 2));
  EXPECT_THAT(node_, CommandExits("echo hi; exit 1", 1, HasSubstr("hi")));
  auto out = check(CommandOutput("echo 1.4.0", HasSubstr("1.6")).Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, StartsWith("`echo 1.4.0` exited 0 with output \"1.4.0\\n\""));
  EXPECT_THAT(out.description, HasSubstr("prints output that has substring \"1.6\""));
}

TEST_F(ContainerMatchers, CommandTimesOut) {
  auto out = check(CommandSucceeds("sleep 5").Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, StartsWith("`sleep 5` timed out after 1.0 s"));
}

TEST_F(ContainerMatchers, FileContainsReadsThroughTheContainerRoot) {
  auto conf = dir_ / "memcached.conf";
  std::ofstream(conf) << "-p 11211\n-m 64\n";
  EXPECT_THAT(node_, FileExists(conf.string()));
  EXPECT_THAT(node_, FileContains(conf.string(), HasSubstr("-p 11211")));
  auto out = check(FileContains(conf.string(), HasSubstr("-m 128")).Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation,
              StartsWith(conf.string() + " holds \"-p 11211\\n-m 64\\n\" in memcached-1"));
  EXPECT_THAT(out.description,
              Eq("has a file " + conf.string() + " whose content has substring \"-m 128\""));
}

TEST_F(ContainerMatchers, FileMissing) {
  auto missing = (dir_ / "absent.conf").string();
  auto out = check(FileExists(missing).Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, StartsWith("no such file " + missing + " in memcached-1"));
  EXPECT_TRUE(check(FileExists(missing).Inverted().Within(0ms)).matched);
}

TEST_F(ContainerMatchers, ProcessRunning) {
  start_daemon("pbxmemcached");
  auto out = check(ProcessRunning("pbxmemcached").Within(2s));
  EXPECT_TRUE(out.matched) << out.explanation;
  EXPECT_THAT(out.explanation,
              MatchesRegex("process pbxmemcached runs \\(pid " + std::to_string(daemon_) +
                           "\\) in memcached-1 after .*"));
  auto missing = check(ProcessRunning("pbxabsentd").Within(0ms));
  EXPECT_FALSE(missing.matched);
  EXPECT_THAT(missing.explanation, StartsWith("no process named pbxabsentd among: "));
  EXPECT_THAT(missing.explanation,
              MatchesRegex("no process named pbxabsentd among: [^ ].* in memcached-1 after .*"));
}

TEST_F(ContainerMatchers, ProcessNamesLongerThanCommAreCut) {
  start_daemon("pbx-very-long-daemon-name");
  EXPECT_THAT(node_, ProcessRunning("pbx-very-long-daemon-name").Within(2s));
}

TEST_F(ContainerMatchers, ServiceRunningFallsBackToTheProcess) {
  start_daemon("pbxservice");
  auto out = check(ServiceRunning("pbxservice").Within(2s));
  EXPECT_TRUE(out.matched) << out.explanation;
  EXPECT_THAT(out.explanation, StartsWith("process pbxservice runs"));
  auto missing = check(ServiceRunning("pbxnoservice").Within(0ms));
  EXPECT_FALSE(missing.matched);
  EXPECT_THAT(missing.explanation,
              MatchesRegex(".*no /etc/init.d/pbxnoservice; no process named pbxnoservice in "
                           "memcached-1 after .*"));
}

TEST_F(ContainerMatchers, NoRuntimeIsExplained) {
  node_.runtime = nullptr;
  auto out = check(CommandSucceeds("true").Within(0ms));
  EXPECT_FALSE(out.matched);
  EXPECT_THAT(out.explanation, StartsWith("no container runtime for memcached-1"));
}

}  // namespace
}  // namespace proofbox::harness
