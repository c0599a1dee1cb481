// `proofbox serve` as a user runs it: the real binary in a child process.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "proofbox/backup/snapshot/snapshot.hpp"
#include "proofbox/zero/auth/signing.hpp"
#include "support/api_test_server.hpp"

namespace proofbox::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// The binary running with stdout and stderr captured to files.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args) {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("serve-" + std::to_string(getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(dir_);
    args.insert(args.begin(), {std::string(PROOFBOX_BINARY_DIR) + "/proofbox", "serve"});
    pid_ = fork();
    if (pid_ == 0) {
      int out = open((dir_ / "stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      int err = open((dir_ / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(out, 1);
      dup2(err, 2);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  std::string read(const char* name) const {
    std::ifstream in(dir_ / name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  // The URL from the "listening on URL" line, waiting up to 10 s; empty when it never came.
  std::string wait_for_url() const {
    for (int i = 0; i < 200; ++i) {
      std::string out = read("stdout");
      auto at = out.find("listening on ");
      if (at != std::string::npos && out.find('\n', at) != std::string::npos) {
        return out.substr(at + 13, out.find('\n', at) - at - 13);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return "";
  }

  // Sends `sig` (0: none) and returns the exit status, or -1 when it did not exit in 10 s.
  int stop(int sig) {
    if (sig) kill(pid_, sig);
    for (int i = 0; i < 200; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return -1;
  }

  const std::filesystem::path& dir() const { return dir_; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  bool exited_ = false;
};

TEST(ServeCommand, PortZeroPrintsUrlServesAndStopsOnSigterm) {
  ServeProcess p({"--port", "0"});
  std::string url = p.wait_for_url();
  ASSERT_THAT(url, StartsWith("http://127.0.0.1:"));
  zero::testing::ApiClient client(url);
  EXPECT_EQ(client.post("/nodes", proofbox::Json{{"name", "cli01"}}).status, 201);
  EXPECT_EQ(client.get("/organizations/chef/nodes/cli01").json()["name"], "cli01");
  EXPECT_EQ(p.stop(SIGTERM), 0);
}

// `serve --repo` loads the chef-repo before it listens; `--save` writes what the server holds
// at shutdown, including what clients changed meanwhile.
TEST(ServeCommand, RepoLoadsAtStartAndSaveWritesASnapshotOnShutdown) {
  const std::string repo = std::string(PROOFBOX_SOURCE_DIR) + "/fixtures/chef-repo";
  const auto snapshot = std::filesystem::path(::testing::TempDir()) /
                        ("serve-save-" + std::to_string(getpid()) + ".tar.gz");
  std::filesystem::remove(snapshot);
  ServeProcess p({"--port", "0", "--repo", repo, "--save", snapshot.string()});
  std::string url = p.wait_for_url();
  ASSERT_FALSE(url.empty()) << p.read("stderr");
  zero::testing::ApiClient client(url);
  EXPECT_EQ(client.get("/roles/base").status, 200);
  EXPECT_TRUE(client.get("/cookbooks").json().contains("webapp"));
  EXPECT_EQ(client.post("/nodes", proofbox::Json{{"name", "added-while-serving"}}).status, 201);
  EXPECT_EQ(p.stop(SIGTERM), 0) << p.read("stderr");
  EXPECT_THAT(p.read("stderr"), HasSubstr("loaded " + repo));

  backup::ChefData saved = backup::read_snapshot(snapshot);
  EXPECT_EQ(saved.roles.count("base"), 1u);
  EXPECT_EQ(saved.nodes.count("added-while-serving"), 1u);
  EXPECT_FALSE(saved.cookbooks.empty());
  std::filesystem::remove(snapshot);
}

TEST(ServeCommand, BrokenRepoFailsNamingTheFileAndNeverListens) {
  const auto repo =
      std::filesystem::path(::testing::TempDir()) / ("serve-broken-" + std::to_string(getpid()));
  std::filesystem::create_directories(repo / "roles");
  std::ofstream(repo / "roles" / "bad.json") << "{\"name\": \"bad\",";
  ServeProcess p({"--port", "0", "--repo", repo.string()});
  EXPECT_EQ(p.stop(0), 1);
  EXPECT_THAT(p.read("stderr"), HasSubstr("bad.json"));
  EXPECT_THAT(p.read("stdout"), ::testing::Not(HasSubstr("listening on")));
  std::filesystem::remove_all(repo);
}

TEST(ServeCommand, SigintStopsCleanly) {
  ServeProcess p({"--port", "0"});
  ASSERT_FALSE(p.wait_for_url().empty());
  EXPECT_EQ(p.stop(SIGINT), 0);
  EXPECT_THAT(p.read("stderr"), HasSubstr("SIGINT"));
}

TEST(ServeCommand, TakenPortFailsWithOneLineReason) {
  ServeProcess first({"--port", "0"});
  std::string url = first.wait_for_url();
  ASSERT_FALSE(url.empty());
  std::string port = url.substr(url.rfind(':') + 1);
  ServeProcess second({"--port", port});
  EXPECT_EQ(second.stop(0), 1);
  EXPECT_THAT(second.read("stderr"), HasSubstr("127.0.0.1:" + port));
  EXPECT_EQ(first.stop(SIGTERM), 0);
}

TEST(ServeCommand, VerifyModeWritesPrivateKeysThatSign) {
  std::string key_dir =
      (std::filesystem::path(::testing::TempDir()) / ("keys-" + std::to_string(getpid()))).string();
  std::filesystem::remove_all(key_dir);
  ServeProcess p({"--port", "0", "--auth", "verify", "--key-dir", key_dir});
  std::string url = p.wait_for_url();
  ASSERT_FALSE(url.empty()) << p.read("stderr");

  for (const char* file : {"admin.pem", "chef-validator.pem"}) {
    struct stat st {};
    ASSERT_EQ(stat((key_dir + "/" + file).c_str(), &st), 0) << file;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << file;
  }
  std::ifstream in(key_dir + "/admin.pem");
  std::stringstream pem;
  pem << in.rdbuf();

  zero::testing::ApiClient client(url);
  EXPECT_EQ(client.get("/nodes").status, 400);  // unsigned

  zero::auth::SignInput sign;
  sign.method = "GET";
  sign.path = "/organizations/chef/nodes";
  sign.user_id = "admin";
  std::vector<std::string> headers;
  for (const auto& [k, v] : zero::auth::sign_request(sign, pem.str())) {
    headers.push_back(k + ": " + v);
  }
  auto r = client.get("/organizations/chef/nodes", headers);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(p.stop(SIGTERM), 0);
}

}  // namespace
}  // namespace proofbox::cli
