// The JSON tool inside proofbox-agent (POSIX awk): it reads every server answer the agent acts
// on, so its parsing, decoding, merging and encoding are checked against nlohmann::json here.
// The awk program is cut out of the agent script, as the agent itself writes it out.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/agent_server.hpp"

namespace proofbox::harness::testing {
namespace {

using ::testing::HasSubstr;

class AgentJsonTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new backup::testing::TempDir();
    const std::string agent = backup::testing::read_file(agent_script());
    const std::string open = "<<'PROOFBOX_JSON_AWK'\n";
    const auto start = agent.find(open);
    const auto end = agent.find("\nPROOFBOX_JSON_AWK\n");
    ASSERT_NE(start, std::string::npos);
    ASSERT_NE(end, std::string::npos);
    const auto body = start + open.size();
    backup::testing::write_file(*dir_ / "json.awk", agent.substr(body, end - body + 1));
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  // awk -v op=OP -v path=PATH -f json.awk over `input`, with LC_ALL=C as the agent runs it.
  static ProcessResult run(const std::string& op, const std::string& path,
                           const std::string& input) {
    backup::testing::write_file(*dir_ / "input", input);
    return run_process({"awk", "-v", "op=" + op, "-v", "path=" + path, "-f",
                        (*dir_ / "json.awk").string(), (*dir_ / "input").string()},
                       {{"LC_ALL", "C"}});
  }
  static std::string out(const std::string& op, const std::string& path, const std::string& input) {
    const ProcessResult r = run(op, path, input);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return r.output;
  }

  static backup::testing::TempDir* dir_;
};

backup::testing::TempDir* AgentJsonTest::dir_ = nullptr;

const Json kDocument = Json::parse(R"({
  "name": "web01", "n": -1.5e3, "zero": 0, "t": true, "f": false, "nothing": null,
  "empty": {}, "none": [], "nested": {"a": [1, [2, {"b": "c"}], {"d": null}]},
  "text": "tab\there \"quoted\" back\\slash /slash \u00e9\u4e2d\ud83d\ude00 \u0001",
  "run_list": ["role[base]", "recipe[memcached]"]
})");

TEST_F(AgentJsonTest, CompactOutputParsesBackToTheSameDocument) {
  EXPECT_EQ(Json::parse(out("get", "", kDocument.dump(2))), kDocument);
  EXPECT_EQ(Json::parse(out("get", "nested/a/1", kDocument.dump())), kDocument["nested"]["a"][1]);
}

TEST_F(AgentJsonTest, StringsAreDecodedToUtf8) {
  EXPECT_EQ(out("str", "text", kDocument.dump()), kDocument["text"].get<std::string>());
  EXPECT_EQ(out("str", "nested/a/1/1/b", kDocument.dump()), "c");
  EXPECT_EQ(out("str", "n", kDocument.dump()), "-1500.0");
  // An escaped PEM, as POST /clients answers it.
  EXPECT_EQ(out("str", "chef_key/private_key",
                R"({"chef_key": {"private_key": "-----BEGIN\nAB+/=\n-----END\n"}})"),
            "-----BEGIN\nAB+/=\n-----END\n");
}

TEST_F(AgentJsonTest, MissingPathsExitWithStatus1) {
  EXPECT_EQ(run("get", "nested/zz", kDocument.dump()).exit_code, 1);
  EXPECT_EQ(run("str", "run_list/5", kDocument.dump()).exit_code, 1);
  EXPECT_EQ(run("items", "name/x", kDocument.dump()).exit_code, 1);
}

TEST_F(AgentJsonTest, KeysAndItems) {
  EXPECT_EQ(out("keys", "nested", kDocument.dump()), "a\n");
  EXPECT_EQ(out("keys", "nested/a", kDocument.dump()), "0\n1\n2\n");
  EXPECT_EQ(out("items", "run_list", kDocument.dump()), "role[base]\nrecipe[memcached]\n");
  EXPECT_EQ(out("items", "none", kDocument.dump()), "");
}

TEST_F(AgentJsonTest, MergeIsChefsDeepMergeLaterWinning) {
  const std::string docs =
      R"({"default_attributes": {"m": {"port": 1, "list": [1, 2], "keep": "a"}, "x": {"y": 1}}})"
      "\n"
      R"({"other": 1})"
      "\n"
      R"({"default_attributes": {"m": {"port": 2, "list": [3]}, "x": "scalar", "new": true}})";
  EXPECT_EQ(Json::parse(out("merge", "default_attributes", docs)),
            Json::parse(R"({"m": {"port": 2, "list": [3], "keep": "a"}, "x": "scalar",
                            "new": true})"));
  EXPECT_EQ(Json::parse(out("merge", "nowhere", docs)), Json::object());
  EXPECT_EQ(Json::parse(out("merge", "", R"({"a": 1} {"a": {"b": 2}} {"a": {"c": 3}})")),
            Json::parse(R"({"a": {"b": 2, "c": 3}})"));
}

TEST_F(AgentJsonTest, WithoutDropsOneTopLevelKey) {
  Json expected = kDocument;
  expected.erase("run_list");
  EXPECT_EQ(Json::parse(out("without", "run_list", kDocument.dump())), expected);
}

TEST_F(AgentJsonTest, ManifestListsFilesOfBothManifestForms) {
  const Json answer = {
      {"memcached",
       {{"version", "1.0.0"},
        {"recipes", Json::array({{{"name", "default.sh"},
                                  {"path", "recipes/default.sh"},
                                  {"checksum", "aa"},
                                  {"url", "http://s/file_store/checksums/aa"}}})},
        {"root_files", Json::array()}}},
      {"proofbox_test",
       {{"all_files", Json::array({{{"name", "recipes/first.sh"},
                                    {"path", "recipes/first.sh"},
                                    {"checksum", "bb"},
                                    {"url", "http://s/file_store/checksums/bb"}}})}}}};
  EXPECT_EQ(out("manifest", "", answer.dump()),
            "memcached\trecipes/default.sh\thttp://s/file_store/checksums/aa\taa\n"
            "proofbox_test\trecipes/first.sh\thttp://s/file_store/checksums/bb\tbb\n");
}

TEST_F(AgentJsonTest, EncodeLinesAndObjectProduceValidJson) {
  const std::string text =
      "a \"b\" \\c\td\x01"
      "e\xc3\xa9";
  EXPECT_EQ(Json::parse(out("encode", "", text)), text);
  EXPECT_EQ(Json::parse(out("lines", "", "role[a]\nrecipe[b::c]\n")),
            Json::array({"role[a]", "recipe[b::c]"}));
  EXPECT_EQ(Json::parse(out("lines", "", "")), Json::array());
  EXPECT_EQ(Json::parse(out("object", "", "fqdn\tweb01.example\n=roles\t[\"a\"]\nq\tsay \"hi\"\n")),
            (Json{{"fqdn", "web01.example"}, {"roles", {"a"}}, {"q", "say \"hi\""}}));
}

TEST_F(AgentJsonTest, MalformedJsonExitsWithStatus3AndTheOffset) {
  const ProcessResult r = run("get", "a", R"({"a": [1, 2)");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.output, HasSubstr("json: expected ',' or ']' at offset"));
  EXPECT_EQ(run("get", "", "").exit_code, 3);
  EXPECT_EQ(run("get", "", R"({"a": "unterminated)").exit_code, 3);
}

}  // namespace
}  // namespace proofbox::harness::testing
