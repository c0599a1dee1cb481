// Reading spec/functional/ROLE.yml and smolder files into checks, with file:line errors.
#include "proofbox/harness/functional_specs.hpp"
#include "support/temp_files.hpp"

namespace proofbox::harness {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::Eq;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::filesystem::path kFixtures = std::filesystem::path(PROOFBOX_SOURCE_DIR) / "fixtures";

std::vector<std::string> names(const std::vector<FunctionalCheck>& checks) {
  std::vector<std::string> out;
  for (const auto& c : checks) out.push_back(c.name);
  return out;
}

std::string load_error(const std::filesystem::path& file) {
  try {
    load_functional_spec(file);
  } catch (const FunctionalSpecError& e) {
    return e.what();
  }
  return "(loaded)";
}

TEST(RoleSpec, FixtureMapsOneCheckPerEntry) {
  auto checks = load_functional_spec(kFixtures / "functional" / "memcached.yml");
  EXPECT_THAT(names(checks), ElementsAre("port 11211 listening", "port tcp:22 closed",
                                         "port 11211 replies to \"stats\\r\\n\"",
                                         "process memcached running", "service memcached running",
                                         "command `memcached -h`", "file /etc/memcached.conf",
                                         "node saved", "node run_list", "node automatic platform",
                                         "search node \"role:memcached\" finds the node"));
  EXPECT_EQ(checks[0].line, 4);
  EXPECT_EQ(checks[0].file, (kFixtures / "functional" / "memcached.yml").string());
  // The file's `within:` applies to container checks, not to server checks.
  EXPECT_EQ(checks[0].matcher->deadline(), 20s);
  EXPECT_EQ(checks[7].matcher->deadline(), 0ms);
  EXPECT_TRUE(checks[1].matcher->inverted());
  EXPECT_THAT(checks[2].matcher->Describe(),
              Eq("replies to \"stats\\r\\n\" on port 11211 with a reply that (has substring "
                 "\"STAT pid\") and (contains regular expression \"STAT uptime [0-9]+\")"));
  EXPECT_THAT(checks[5].matcher->Describe(),
              Eq("runs `memcached -h` that exits with a status that is equal to 0 and prints "
                 "output that has substring \"-p, --port\""));
  EXPECT_THAT(checks[9].matcher->Describe(),
              Eq("has automatic attribute platform that is equal to \"debian\""));
}

TEST(RoleSpec, ExampleRepoSpecsLoad) {
  // The README's example repo: every functional spec there must stay valid.
  auto repo = std::filesystem::path(PROOFBOX_SOURCE_DIR) / "examples" / "chef-repo";
  std::size_t loaded = 0;
  for (const char* role : {"memcached", "redis", "app"}) {
    auto files = find_functional_spec_files(repo, role);
    ASSERT_FALSE(files.empty()) << role;
    for (const auto& file : files) {
      auto checks = load_functional_spec(file);
      EXPECT_FALSE(checks.empty()) << file;
      for (const auto& check : checks) EXPECT_TRUE(check.matcher) << file << ": " << check.name;
      loaded += checks.size();
    }
  }
  EXPECT_GE(loaded, 15u);
}

TEST(RoleSpec, HttpKeysAndPerCheckWithin) {
  testing::TempDir dir;
  auto file = dir.write("web.yml", R"(http:
  http://web.example:8080/status?full=1:
    status: 200
    body: [ok, ready]
    headers: {Accept: text/plain}
    within: 3s
  9090/health: {}
  https://node/secure: {status: 204}
)");
  auto checks = load_functional_spec(file);
  ASSERT_EQ(checks.size(), 3u);
  EXPECT_EQ(checks[0].name, "http GET http://web.example:8080/status?full=1");
  EXPECT_EQ(checks[0].matcher->deadline(), 3s);
  EXPECT_THAT(
      checks[0].matcher->Describe(),
      StartsWith("answers GET http://127.0.0.1:8080/status?full=1 with (status is equal "
                 "to 200) and (body (has substring \"ok\") and (has substring \"ready\"))"));
  EXPECT_THAT(checks[1].matcher->Describe(),
              Eq("answers GET http://127.0.0.1:9090/health with status is equal to 200"));
  EXPECT_THAT(checks[2].matcher->Describe(),
              StartsWith("answers GET https://127.0.0.1:443/secure"));
}

TEST(RoleSpec, SearchExpectations) {
  testing::TempDir dir;
  auto file = dir.write("db.yml", R"(search:
  node:
    "role:db": {includes: [db-1], count: 2}
    "role:web": {names: [web-1, web-2]}
)");
  auto checks = load_functional_spec(file);
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_THAT(checks[0].matcher->Describe(),
              HasSubstr("search(node, \"role:db\") finds names that"));
  EXPECT_THAT(checks[0].matcher->Describe(), HasSubstr("(size is equal to 2)"));
  EXPECT_EQ(checks[1].line, 4);
}

TEST(RoleSpec, ErrorsNameFileAndLine) {
  testing::TempDir dir;
  struct Case {
    std::string content;
    std::string error;
  };
  std::vector<Case> cases = {
      {"port:\n  11211: {listening: true}\nports:\n  22: {}\n", ":3: unknown section \"ports\""},
      {"within: soon\nport:\n  1: {}\n", ":1: not a duration: \"soon\""},
      {"port:\n  11211: {listen: true}\n",
       ":2: unknown key \"listen\" (expected listening, within)"},
      {"port:\n  memcached: {}\n", ":2: not a port: \"memcached\""},
      {"replies:\n  11211:\n    send: \"stats\\r\\n\"\n",
       ":3: a replies entry needs send and expect"},
      {"replies:\n  1:\n    send: x\n    expect: {has: a}\n",
       ":4: unknown text expectation \"has\""},
      {"command:\n  true:\n    exit-status: zero\n", ":3: exit-status must be a number"},
      {"port:\n  - 11211\n", ":2: port: expected a map"},
      {"port: [\n", ":2: "},
  };
  for (const auto& c : cases) {
    auto file = dir.write("bad.yml", c.content);
    EXPECT_THAT(load_error(file), StartsWith(file.string() + c.error)) << c.content;
  }
  EXPECT_THAT(load_error(dir.path() / "absent.yml"), HasSubstr("absent.yml:0: cannot read"));
}

TEST(Smolder, FixtureLoadsUnmodified) {
  auto file = kFixtures / "functional" / "smolder_status.yaml";
  auto checks = load_functional_spec(file);
  EXPECT_THAT(names(checks), ElementsAre("Status page says OK", "Status JSON", "Old page redirects",
                                         "Admin needs a login", "memcached port", "Placeholder"));
  EXPECT_EQ(checks[0].line, 6);
  EXPECT_THAT(checks[0].matcher->Describe(),
              Eq("answers GET http://127.0.0.1:8080/status with (status is equal to 200) and "
                 "(body has substring \"OK\") and (an answer within 2000 ms)"));
  EXPECT_THAT(
      checks[1].matcher->Describe(),
      HasSubstr("(JSON \"good\" at path status) and (JSON \"memcached\" at path "
                "checks/0/name) and (header Content-Type is equal to \"application/json\")"));
  // The host of a full URL is the node; the port defaults to 80.
  EXPECT_THAT(checks[2].matcher->Describe(),
              StartsWith("answers GET http://127.0.0.1:80/old with (status is equal to 301) and "
                         "(header Location has substring \"/status\")"));
  EXPECT_THAT(checks[4].matcher->Describe(), StartsWith("has TCP port 11211 open"));
  EXPECT_EQ(checks[5].skipped, "protocol noop");
  EXPECT_FALSE(checks[5].matcher);
}

TEST(Smolder, OldFlatLayoutAndJson) {
  testing::TempDir dir;
  auto file = dir.write("flat.json", R"({"tests": [
    {"name": "Status", "method": "put", "port": 81, "url": "/status",
     "request_headers": {"User-Agent": "smolder"}, "data": {"a": 1},
     "expect_status_code": 401, "response_body_contains": "HEALTHY"},
    {"name": "Auth", "uri": "/x", "inputs": {"username": "u", "password": "p"}}
  ]})");
  auto checks = load_functional_spec(file);
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_THAT(checks[0].matcher->Describe(),
              Eq("answers PUT http://127.0.0.1:81/status with (status is equal to 401) and (body "
                 "has substring \"HEALTHY\")"));
  EXPECT_THAT(checks[1].matcher->Describe(),
              Eq("answers GET http://127.0.0.1:80/x with status is anything"));
}

TEST(Smolder, UnsupportedPartsBecomeErroredChecks) {
  testing::TempDir dir;
  auto file = dir.write("odd.yaml", R"(tests:
  - name: upload
    uri: /up
    inputs: {file: {filename: a, content: b}}
  - name: custom plugin
    uri: /
    outcomes: {ldap_attribute_value_equals: x}
)");
  auto checks = load_functional_spec(file);
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_THAT(checks[0].error, HasSubstr("`file` (multipart upload) is not supported"));
  EXPECT_THAT(checks[1].error,
              Eq("unknown smolder outcome \"ldap_attribute_value_equals\" (line 7)"));
}

TEST(Smolder, ErrorsNameFileAndLine) {
  testing::TempDir dir;
  auto file = dir.write("bad.yaml", "tests:\n  - uri: /\n");
  EXPECT_THAT(load_error(file), StartsWith(file.string() + ":2: a smolder test needs a name"));
  file = dir.write("bad.yaml", "tests:\n  - name: x\n    protocol: gopher\n");
  EXPECT_THAT(load_error(file), StartsWith(file.string() + ":3: unknown protocol \"gopher\""));
  file =
      dir.write("bad.yaml", "tests:\n  - name: x\n    outcomes:\n      expect_status_code: ok\n");
  EXPECT_THAT(load_error(file),
              StartsWith(file.string() + ":4: expect_status_code must be a number"));
}

TEST(SpecFiles, FindsTheRoleFileAndItsFolder) {
  testing::TempDir repo;
  repo.write("spec/functional/memcached.yml", "{}");
  repo.write("spec/functional/memcached/smolder.json", "{}");
  repo.write("spec/functional/memcached/a/extra.yaml", "{}");
  repo.write("spec/functional/memcached/notes.txt", "");
  repo.write("spec/functional/web.yml", "{}");
  auto files = find_functional_spec_files(repo.path(), "memcached");
  auto dir = repo.path() / "spec" / "functional";
  EXPECT_THAT(files, ElementsAre(dir / "memcached.yml", dir / "memcached" / "a" / "extra.yaml",
                                 dir / "memcached" / "smolder.json"));
  EXPECT_TRUE(find_functional_spec_files(repo.path(), "db").empty());
}

}  // namespace
}  // namespace proofbox::harness
