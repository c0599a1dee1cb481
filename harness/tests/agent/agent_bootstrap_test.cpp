// The shipped bootstrap templates run on the host (PROOFBOX_AGENT_ROOT standing in for `/`):
// the proofbox-agent one converges a node against the in-process server end to end; the
// chef-client one writes knife's files and hands over to chef-client exactly as knife does.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <sstream>

#include "proofbox/harness/bootstrap.hpp"
#include "support/agent_server.hpp"

namespace proofbox::harness::testing {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

unsigned mode_of(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return st.st_mode & 0777;
}

// ID= of the host's /etc/os-release: what the agent reports as `platform`.
std::string node_platform() {
  std::istringstream in(backup::testing::read_file("/etc/os-release"));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("ID=", 0) == 0) {
      std::string id = line.substr(3);
      if (id.size() >= 2 && id.front() == '"') id = id.substr(1, id.size() - 2);
      return id;
    }
  }
  return "";
}

class BootstrapOnHostTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new AgentServer(source_path("fixtures/harness-repo")); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static BootstrapContext context(const std::string& node) {
    BootstrapContext c;
    c.server_url = server_->chef_server_url();
    c.node_name = node;
    c.environment = "test";
    c.run_list = {"recipe[proofbox_test::first]", "recipe[proofbox_test::second]",
                  "recipe[proofbox_test::environment]"};
    c.validation_client_name = server_->admin().validator_name;
    c.validation_key = server_->admin().validator_private_key;
    c.first_boot_attributes = Json{{"proofbox_test", {{"greeting", "hello"}}}};
    c.encrypted_data_bag_secret = "c2VjcmV0";
    return c;
  }

  static AgentServer* server_;
};

AgentServer* BootstrapOnHostTest::server_ = nullptr;

TEST_F(BootstrapOnHostTest, ProofboxAgentTemplateBootstrapsAndConvergesTheNode) {
  backup::testing::TempDir root;
  backup::testing::write_file(
      root / "bootstrap.sh",
      render_bootstrap(load_bootstrap_template("proofbox-agent"), context("boot01")));
  const ProcessResult run = run_process(
      {"dash", (root / "bootstrap.sh").string()},
      {{"PROOFBOX_AGENT_ROOT", root.path().string()}, {"TMPDIR", root.path().string()}});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, AllOf(HasSubstr("node boot01 ready; starting the converge"),
                                HasSubstr("saved node boot01")));

  EXPECT_EQ(mode_of(root / "etc/chef/validation.pem"), 0600u);
  EXPECT_EQ(mode_of(root / "etc/chef/encrypted_data_bag_secret"), 0600u);
  EXPECT_EQ(mode_of(root / "etc/chef/client.pem"), 0600u);
  // The bootstrap's umask 077 does not leak into the converge (chef-client uses 022).
  EXPECT_EQ(mode_of(root / "var/tmp"), 0755u);
  EXPECT_EQ(backup::testing::read_file(root / "etc/chef/validation.pem"),
            server_->admin().validator_private_key);
  EXPECT_EQ(backup::testing::read_file(root / "opt/proofbox/bin/proofbox-agent"),
            std::string(proofbox_agent_script()));

  std::vector<std::string> markers;
  std::istringstream log(backup::testing::read_file(root / "var/tmp/proofbox-test.log"));
  for (std::string line; std::getline(log, line);) markers.push_back(line);
  EXPECT_THAT(markers, ElementsAre("proofbox_test::first boot01 test hello",
                                   "proofbox_test::second boot01 test hello"));

  // What the recipe scripts were given.
  const std::string cookbook = root.path().string() + "/var/chef/cache/cookbooks/proofbox_test";
  EXPECT_EQ(backup::testing::read_file(root / "var/tmp/proofbox-env"),
            "node=boot01\nenvironment=test\nrecipe=proofbox_test::environment\ncookbook_dir=" +
                cookbook + "\ncwd=" + cookbook + "\nplatform=" + node_platform() +
                "\nroles=[]\nmissing=fallback\nsecret=c2VjcmV0\n");

  auto saved = server_->get("/nodes/boot01");
  ASSERT_EQ(saved.status, 200) << saved.body;
  const Json node = saved.json();
  EXPECT_EQ(node["chef_environment"], "test");
  EXPECT_EQ(node["run_list"],
            Json::array({"recipe[proofbox_test::first]", "recipe[proofbox_test::second]",
                         "recipe[proofbox_test::environment]"}));
  EXPECT_EQ(node["automatic"]["platform"], node_platform());
  EXPECT_EQ(node["normal"]["proofbox_test"]["greeting"], "hello");
}

TEST_F(BootstrapOnHostTest, ChefClientTemplateWritesKnifesFilesAndRunsChefClient) {
  backup::testing::TempDir root;
  // chef-client stands on PATH as a script recording how it was called.
  backup::testing::write_file(root / "bin/chef-client",
                              "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$PROOFBOX_AGENT_ROOT/args\"\n");
  ::chmod((root / "bin/chef-client").c_str(), 0755);
  backup::testing::write_file(
      root / "bootstrap.sh",
      render_bootstrap(load_bootstrap_template("chef-client"), context("boot02")));
  const std::string path = (root / "bin").string() + ":" + std::getenv("PATH");
  const ProcessResult run =
      run_process({"dash", (root / "bootstrap.sh").string()},
                  {{"PROOFBOX_AGENT_ROOT", root.path().string()}, {"PATH", path}});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  // The line the harness splits the bootstrap log from the converge log at.
  EXPECT_THAT(run.output, HasSubstr("node boot02 ready; starting the converge with "));
  const std::string r = root.path().string();
  EXPECT_EQ(backup::testing::read_file(root / "args"),
            "-c\n" + r + "/etc/chef/client.rb\n-j\n" + r + "/etc/chef/first-boot.json\n-E\ntest\n");
  EXPECT_THAT(
      backup::testing::read_file(root / "etc/chef/client.rb"),
      AllOf(HasSubstr("chef_server_url \"" + server_->chef_server_url() + "\"\n"),
            HasSubstr("node_name \"boot02\"\n"),
            HasSubstr("encrypted_data_bag_secret \"/etc/chef/encrypted_data_bag_secret\"\n"),
            HasSubstr("chef_license \"accept\"\n")));
  EXPECT_EQ(Json::parse(backup::testing::read_file(root / "etc/chef/first-boot.json")),
            first_boot_json(context("boot02")));
  EXPECT_EQ(mode_of(root / "etc/chef/validation.pem"), 0600u);
  EXPECT_EQ(backup::testing::read_file(root / "etc/chef/encrypted_data_bag_secret"), "c2VjcmV0\n");
}

TEST_F(BootstrapOnHostTest, ChefClientTemplateFailsReadablyWithoutChefClient) {
  backup::testing::TempDir root;
  backup::testing::write_file(
      root / "bootstrap.sh",
      render_bootstrap(load_bootstrap_template("chef-client"), context("boot03")));
  const ProcessResult run =
      run_process({"dash", (root / "bootstrap.sh").string()},
                  {{"PROOFBOX_AGENT_ROOT", root.path().string()}, {"PATH", "/usr/bin:/bin"}});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.output, HasSubstr("chef-client is not installed in this image"));
}

}  // namespace
}  // namespace proofbox::harness::testing
