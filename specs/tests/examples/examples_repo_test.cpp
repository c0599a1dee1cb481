// examples/chef-repo must stay green: its lint and every unit spec pass, its specs really check
// something (a broken copy fails with a readable message), and every recipe has the shell
// counterpart the stand-in agent converges.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "proofbox/specs/run_specs.hpp"

namespace fs = std::filesystem;
using proofbox::specs::Outcome;
using proofbox::specs::Report;

namespace {

const fs::path kExample = fs::path(PROOFBOX_SOURCE_DIR) / "examples/chef-repo";

std::string failures(const Report& report) {
  std::string out;
  for (const auto& suite : report.suites)
    for (const auto& c : suite.cases)
      if (c.outcome == Outcome::kFailed || c.outcome == Outcome::kError)
        out += c.file + ":" + std::to_string(c.line) + ": " + suite.name + ": " + c.name + "\n" +
               c.message + "\n";
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void replace_in_file(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = read_file(path);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << path;
  text.replace(at, from.size(), to);
  std::ofstream(path) << text;
}

TEST(ExampleRepo, LintAndEveryUnitSpecPass) {
  const Report report = proofbox::specs::run_unit_specs(kExample, {});
  EXPECT_TRUE(report.passed()) << failures(report);
  EXPECT_EQ(report.count(Outcome::kSkipped), 0u);
  // The lint suite and one suite per spec/unit file, each with cases.
  std::size_t spec_files = 0;
  for (const auto& entry : fs::directory_iterator(kExample / "spec/unit"))
    if (entry.path().extension() == ".yml") ++spec_files;
  EXPECT_GE(spec_files, 4u);
  ASSERT_EQ(report.suites.size(), spec_files + 1);
  for (const auto& suite : report.suites) EXPECT_FALSE(suite.cases.empty()) << suite.name;
}

class BrokenExampleCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    copy_ =
        fs::temp_directory_path() /
        ("proofbox-example-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(copy_);
    fs::create_directories(copy_);
    // Everything but the output of local `proofbox test` runs.
    for (const auto& entry : fs::directory_iterator(kExample))
      if (entry.path().filename() != ".proofbox")
        fs::copy(entry.path(), copy_ / entry.path().filename(), fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(copy_); }
  fs::path copy_;
};

TEST_F(BrokenExampleCopy, ChangedProductionOverrideFailsThePrecedenceSpec) {
  replace_in_file(copy_ / "environments/production.json", R"("memory": 1024)", R"("memory": 2048)");
  const Report report = proofbox::specs::run_unit_specs(copy_, {});
  EXPECT_FALSE(report.passed());
  const std::string text = failures(report);
  EXPECT_NE(text.find("memcached.memory"), std::string::npos) << text;
  EXPECT_NE(text.find("expected: 1024"), std::string::npos) << text;
  EXPECT_NE(text.find("actual: 2048"), std::string::npos) << text;
}

TEST_F(BrokenExampleCopy, RoleNamingAMissingCookbookFailsTheLint) {
  replace_in_file(copy_ / "roles/app.json", R"("role[base]", "recipe[webapp]"])",
                  R"("role[base]", "recipe[webap]"])");
  const Report report = proofbox::specs::run_unit_specs(copy_, {});
  EXPECT_FALSE(report.passed());
  const std::string text = failures(report);
  EXPECT_NE(text.find("webap"), std::string::npos) << text;
  EXPECT_NE(text.find("roles/app.json:6"), std::string::npos) << text;
}

TEST_F(BrokenExampleCopy, WrongSecretFailsTheEncryptedItem) {
  std::ofstream(copy_ / ".chef/encrypted_data_bag_secret") << "not-the-secret\n";
  const Report report = proofbox::specs::run_unit_specs(copy_, {});
  EXPECT_FALSE(report.passed());
  const std::string text = failures(report);
  EXPECT_NE(text.find("secrets/webapp"), std::string::npos) << text;
  EXPECT_EQ(text.find("example-session-secret"), std::string::npos) << "a value was printed";
}

TEST(ExampleRepo, EveryRecipeHasItsShellCounterpart) {
  std::size_t recipes = 0;
  for (const char* dir : {"cookbooks", "site-cookbooks"})
    for (const auto& entry : fs::recursive_directory_iterator(kExample / dir)) {
      if (entry.path().extension() != ".rb" || entry.path().parent_path().filename() != "recipes")
        continue;
      ++recipes;
      fs::path counterpart = entry.path();
      counterpart.replace_extension(".sh");
      EXPECT_TRUE(fs::exists(counterpart)) << entry.path() << " has no " << counterpart.filename();
    }
  EXPECT_GE(recipes, 5u);
}

}  // namespace
