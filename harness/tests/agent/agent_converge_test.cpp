// fixtures/agent/proofbox-agent run with dash on the host against an in-process server that
// verifies signatures, loaded with fixtures/harness-repo; PROOFBOX_AGENT_ROOT is a temporary
// directory standing in for the node's `/`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <memory>
#include <sstream>

#include "support/agent_server.hpp"

namespace proofbox::harness::testing {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class AgentConvergeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new AgentServer(source_path("fixtures/harness-repo")); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static Json node(const std::string& name) {
    auto r = server_->get("/nodes/" + name);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.ok() ? r.json() : Json::object();
  }

  static std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }

  static AgentServer* server_;
};

AgentServer* AgentConvergeTest::server_ = nullptr;

TEST_F(AgentConvergeTest, RegistersSavesTheNodeAndRunsRecipesInRunListOrder) {
  NodeRoot root(*server_, "order01", R"({"run_list": ["role[ordered]"], "site": {"rack": "r1"}})");
  const ProcessResult run = root.run_agent({"-E", "test"});
  ASSERT_EQ(run.exit_code, 0) << run.output;

  // Registration: the client exists and its key was written 0600.
  EXPECT_EQ(server_->get("/clients/order01").status, 200);
  ASSERT_TRUE(root.exists("etc/chef/client.pem")) << run.output;
  EXPECT_THAT(root.read("etc/chef/client.pem"), HasSubstr("PRIVATE KEY-----"));
  struct stat st {};
  ASSERT_EQ(::stat((root / "etc/chef/client.pem").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  // role[ordered] = second, role[nested] (in `test`: third), first; duplicates dropped.
  EXPECT_THAT(lines(root.read("var/tmp/proofbox-test.log")),
              ElementsAre("proofbox_test::second order01 test from-ordered",
                          "proofbox_test::third order01 test from-ordered",
                          "proofbox_test::first order01 test from-ordered"));

  const Json saved = node("order01");
  EXPECT_EQ(saved["chef_environment"], "test");
  EXPECT_EQ(saved["run_list"], Json::array({"role[ordered]"}));
  EXPECT_EQ(saved["normal"]["site"]["rack"], "r1");
  EXPECT_EQ(saved["default"]["proofbox_test"]["greeting"], "from-ordered");
  const Json& automatic = saved["automatic"];
  EXPECT_EQ(automatic["roles"], Json::array({"ordered", "nested"}));
  EXPECT_EQ(automatic["expanded_run_list"],
            Json::array({"proofbox_test::second", "proofbox_test::third", "proofbox_test::first"}));
  EXPECT_EQ(automatic["recipes"],
            Json::array({"proofbox_test::second", "proofbox_test::third", "proofbox_test::first"}));
  EXPECT_EQ(automatic["cookbooks"]["proofbox_test"]["version"], "0.1.0");
  for (const char* key :
       {"fqdn", "hostname", "ipaddress", "platform", "platform_family", "platform_version", "os"}) {
    ASSERT_TRUE(automatic.contains(key)) << key << " in " << automatic.dump();
    EXPECT_TRUE(automatic[key].is_string() && !automatic[key].get<std::string>().empty()) << key;
  }
  EXPECT_EQ(automatic["os"], "linux");

  // One log line per step.
  EXPECT_THAT(run.output,
              AllOf(HasSubstr("registered client order01"), HasSubstr("created node order01"),
                    HasSubstr("solved: proofbox_test 0.1.0"),
                    HasSubstr("recipe[proofbox_test::third]: running recipes/third.sh"),
                    HasSubstr("saved node order01")));
}

TEST_F(AgentConvergeTest, MakesChefClientsCallsInItsOrderWithTheRequiredHeaders) {
  NodeRoot root(*server_, "calls01", R"({"run_list": ["role[ordered]"]})");
  server_->take_requests();
  const ProcessResult run = root.run_agent({"-E", "test"});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::vector<SeenRequest> seen = server_->take_requests();

  std::vector<std::string> calls;
  std::size_t downloads = 0;
  for (const auto& request : seen) {
    // Every request, signed or not, says which API and client version it speaks.
    EXPECT_EQ(request.api_version, "1") << request.line;
    EXPECT_EQ(request.chef_version, "18.0.0") << request.line;
    EXPECT_EQ(request.accept, "application/json") << request.line;
    if (request.line.rfind("GET /file_store/", 0) == 0) {
      ++downloads;
      if (downloads > 1) continue;  // one line stands for the run of downloads
    }
    calls.push_back(request.line.rfind("GET /file_store/", 0) == 0 ? "GET /file_store/..."
                                                                   : request.line);
  }
  EXPECT_THAT(
      calls, ElementsAre("POST /clients", "GET /nodes/calls01", "POST /nodes", "GET /roles/ordered",
                         "GET /roles/nested", "GET /environments/test",
                         "POST /environments/test/cookbook_versions", "GET /file_store/...",
                         "PUT /nodes/calls01"));
  // Every file of proofbox_test, each once.
  EXPECT_EQ(downloads, 11u);
}

TEST_F(AgentConvergeTest, MemcachedRecipeWritesItsConfigFromMergedAttributes) {
  NodeRoot root(*server_, "cache01",
                R"({"run_list": ["role[memcached]"], "memcached": {"start_service": false}})");
  const ProcessResult run = root.run_agent({"-E", "test"});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const std::string conf = root.read("etc/memcached.conf");
  EXPECT_THAT(conf, HasSubstr("-p 11211\n"));
  EXPECT_THAT(conf, HasSubstr("-m 32\n")) << "the test environment's default";
  EXPECT_THAT(run.output, HasSubstr("not starting the service"));
  EXPECT_EQ(node("cache01")["automatic"]["roles"], Json::array({"memcached"}));
}

TEST_F(AgentConvergeTest, RoleOverrideBeatsEnvironmentAndFirstBootAttributes) {
  NodeRoot root(*server_, "cache02",
                R"({"run_list": ["role[memcached-broken]"],
                    "memcached": {"start_service": false, "port": 1}})");
  const ProcessResult run = root.run_agent();
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(root.read("etc/memcached.conf"),
              AllOf(HasSubstr("-p 11311\n"), HasSubstr("-m 64\n")));
  EXPECT_EQ(node("cache02")["automatic"]["roles"], Json::array({"memcached-broken", "memcached"}));
}

TEST_F(AgentConvergeTest, FailingRecipeStopsTheRunAndIsNamed) {
  NodeRoot root(*server_, "fail01", R"({"run_list": ["role[failing]"]})");
  const ProcessResult run = root.run_agent();
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.output, HasSubstr("ERROR: recipe[proofbox_test::fail] failed: recipes/fail.sh of "
                                    "cookbook proofbox_test exited with status 3"));
  EXPECT_THAT(run.output, HasSubstr("this recipe fails on purpose"));
  // The recipe before it ran, the one after did not, and the node was not saved converged.
  EXPECT_THAT(lines(root.read("var/tmp/proofbox-test.log")),
              ElementsAre("proofbox_test::first fail01 _default none"));
  EXPECT_FALSE(node("fail01")["automatic"].contains("recipes"));
}

TEST_F(AgentConvergeTest, RecipeFailureFromABadAttributeIsReadable) {
  NodeRoot root(
      *server_, "cache03",
      R"({"run_list": ["role[memcached-bad-config]"], "memcached": {"start_service": false}})");
  const ProcessResult run = root.run_agent();
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.output, HasSubstr("recipe[memcached::default] failed"));
  EXPECT_THAT(run.output, HasSubstr("attribute memcached/memory must be a number, got 'lots'"));
}

TEST_F(AgentConvergeTest, BadValidatorKeyGetsA401ErrorAndRegistersNothing) {
  const std::string wrong_key =
      backup::testing::read_file(source_path("fixtures/keys/test-client.pem"));
  NodeRoot root(*server_, "badkey01", R"({"run_list": ["role[memcached]"]})", wrong_key);
  const ProcessResult run = root.run_agent();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.output, HasSubstr("ERROR: POST /clients (register badkey01) failed: HTTP 401"));
  EXPECT_THAT(run.output, HasSubstr("check the key /etc/chef/validation.pem"));
  EXPECT_FALSE(root.exists("etc/chef/client.pem"));
  EXPECT_EQ(server_->get("/clients/badkey01").status, 404);
}

TEST_F(AgentConvergeTest, UnreachableServerAndMissingKeyAreNamed) {
  NodeRoot root(*server_, "down01", R"({"run_list": ["role[memcached]"]})");
  // Nothing listens on port 1; curl retries a refused connection three times, then gives up.
  backup::testing::write_file(root / "etc/chef/client.rb",
                              "chef_server_url \"http://127.0.0.1:1/organizations/chef\"\n"
                              "node_name \"down01\"\n");
  ProcessResult run = root.run_agent();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.output, HasSubstr("POST /clients (register down01) failed: no answer from the "
                                    "server at http://127.0.0.1:1/organizations/chef: curl: (7)"));

  std::filesystem::remove(root / "etc/chef/validation.pem");
  run = root.run_agent();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.output, HasSubstr("no client key /etc/chef/client.pem and no validation key "
                                    "/etc/chef/validation.pem to register with"));
}

TEST_F(AgentConvergeTest, SecondRunReusesTheClientKeyAndTheSavedRunList) {
  NodeRoot root(*server_, "again01", R"({"run_list": ["recipe[proofbox_test::first]"]})");
  ASSERT_EQ(root.run_agent().exit_code, 0);
  backup::testing::write_file(root / "etc/chef/first-boot.json", R"({"extra": 1})");
  const ProcessResult second = root.run_agent();
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_THAT(second.output,
              AllOf(HasSubstr("node again01 is already registered"),
                    HasSubstr("loaded node again01"), Not(HasSubstr("registering client"))));
  EXPECT_EQ(lines(root.read("var/tmp/proofbox-test.log")).size(), 2u);
  const Json saved = node("again01");
  EXPECT_EQ(saved["run_list"], Json::array({"recipe[proofbox_test::first]"}));
  EXPECT_EQ(saved["normal"]["extra"], 1);
}

TEST_F(AgentConvergeTest, AllFilesManifestsOfApiVersion2WorkToo) {
  NodeRoot root(*server_, "v2node01", R"({"run_list": ["proofbox_test::second"]})");
  const ProcessResult run = root.run_agent({}, {{"PROOFBOX_API_VERSION", "2"}});
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_THAT(run.output, HasSubstr("API v2"));
  EXPECT_THAT(lines(root.read("var/tmp/proofbox-test.log")),
              ElementsAre("proofbox_test::second v2node01 _default none"));
  EXPECT_EQ(node("v2node01")["run_list"], Json::array({"recipe[proofbox_test::second]"}));
}

TEST_F(AgentConvergeTest, MissingRoleAndUnsolvableRunListAreReported) {
  NodeRoot missing_role(*server_, "norole01", R"({"run_list": ["role[nope]"]})");
  ProcessResult run = missing_role.run_agent();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.output, HasSubstr("role nope of the run list does not exist on the server"));

  NodeRoot unsolvable(*server_, "nocook01", R"({"run_list": ["recipe[nosuchcookbook]"]})");
  run = unsolvable.run_agent();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.output,
              AllOf(HasSubstr("POST /environments/_default/cookbook_versions (solve the run list) "
                              "failed: HTTP 412"),
                    HasSubstr("nosuchcookbook")));
}

TEST_F(AgentConvergeTest, MissingShellCounterpartNamesTheRecipe) {
  // memcached has no recipes/missing.sh (nor .rb): the solver accepts the cookbook, the
  // converge names what is missing.
  NodeRoot root(*server_, "nosh01", R"({"run_list": ["recipe[memcached::missing]"]})");
  const ProcessResult run = root.run_agent();
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.output, HasSubstr("recipe[memcached::missing]: cookbook memcached has no shell "
                                    "counterpart recipes/missing.sh"));
}

}  // namespace
}  // namespace proofbox::harness::testing
