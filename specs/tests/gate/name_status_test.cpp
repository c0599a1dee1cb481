// Parsing `git diff --name-status -z` and classifying paths.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/specs/gate/change_set.hpp"
#include "proofbox/specs/gate/gate_error.hpp"

namespace proofbox::specs::gate {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(NameStatus, ParsesStatusesAndRenames) {
  using namespace std::string_literals;
  const auto changes = parse_name_status_z(
      "M\0roles/a.json\0R087\0cookbooks/x/a.rb\0cookbooks/y/a.rb\0D\0weird name \t.rb\0"s);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].status, 'M');
  EXPECT_EQ(changes[0].path, "roles/a.json");
  EXPECT_EQ(changes[1].status, 'R');
  EXPECT_EQ(changes[1].old_path, "cookbooks/x/a.rb");
  EXPECT_EQ(changes[1].path, "cookbooks/y/a.rb");
  EXPECT_EQ(changes[2].path, "weird name \t.rb");
}

TEST(NameStatus, RefusesGarbage) {
  using namespace std::string_literals;
  EXPECT_THROW(parse_name_status_z("Q\0x\0"s), GateError);
  EXPECT_THROW(parse_name_status_z("R100\0only-one\0"s), GateError);
  EXPECT_TRUE(parse_name_status_z("").empty());
}

TEST(ClassifyChanges, MapsPathsToObjects) {
  const CookbookDirs head{{"cookbooks/redis-cookbook", "redis"}};
  const CookbookDirs base{{"cookbooks/gone", "old-name"}};
  const auto changes = classify_changes({{'M', "cookbooks/redis-cookbook/recipes/default.rb", ""},
                                         {'D', "cookbooks/gone/metadata.rb", ""},
                                         {'A', "site-cookbooks/fresh/recipes/default.rb", ""},
                                         {'R', "roles/new.rb", "roles/old.json"},
                                         {'M', "environments/production.json", ""},
                                         {'M', "data_bags/users/alice.json", ""},
                                         {'M', "spec/functional/web.yml", ""},
                                         {'M', "spec/functional/support/common.yml", ""},
                                         {'M', "proofbox.yml", ""},
                                         {'M', "nodes/n1.json", ""},
                                         {'M', "spec/unit/roles.yml", ""},
                                         {'M', "Berksfile", ""}},
                                        head, base);
  std::vector<std::string> described;
  for (const auto& change : changes) described.push_back(change.describe());
  EXPECT_THAT(
      described,
      ElementsAre("cookbook fresh changed (site-cookbooks/fresh/recipes/default.rb added)",
                  "cookbook old-name changed (cookbooks/gone/metadata.rb deleted)",
                  "cookbook redis changed (cookbooks/redis-cookbook/recipes/default.rb modified)",
                  "role new changed (roles/new.rb renamed from roles/old.json)",
                  "role old changed (roles/old.json renamed to roles/new.rb)",
                  "environment production changed (environments/production.json modified)",
                  "data bag users changed (data_bags/users/alice.json modified)",
                  "functional spec of role web changed (spec/functional/web.yml modified)",
                  "harness configuration changed (proofbox.yml modified)",
                  "shared functional spec file changed "
                  "(spec/functional/support/common.yml modified)",
                  "nodes changed (nodes/n1.json modified)", "other changed (Berksfile modified)",
                  "unit specs changed (spec/unit/roles.yml modified)"));
}

TEST(ClassifyChanges, OneChangePerObjectWithEveryPath) {
  const auto changes = classify_changes({{'M', "cookbooks/a/recipes/x.rb", ""},
                                         {'M', "cookbooks/a/recipes/y.rb", ""},
                                         {'A', "cookbooks/a/files/z", ""}},
                                        {}, {});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].paths.size(), 3u);
  EXPECT_THAT(changes[0].describe(), HasSubstr("and 2 more"));
}

}  // namespace
}  // namespace proofbox::specs::gate
