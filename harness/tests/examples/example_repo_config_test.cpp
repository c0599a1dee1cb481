// examples/chef-repo's converge side must stay loadable: its proofbox.yml, its functional specs
// and its redis image spec parse, and the app role converges after memcached.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "proofbox/harness/converge_config.hpp"
#include "proofbox/harness/functional_specs.hpp"
#include "proofbox/harness/images.hpp"

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::ElementsAre;

namespace proofbox::harness {
namespace {

const fs::path kExample = fs::path(PROOFBOX_SOURCE_DIR) / "examples/chef-repo";

TEST(ExampleRepoConfig, ProofboxYmlSelectsThreeRolesWithAppAfterMemcached) {
  const ConvergeConfig config = load_converge_config(kExample);
  EXPECT_EQ(config.file, kExample / "proofbox.yml");
  EXPECT_EQ(config.bootstrap, "proofbox-agent");
  EXPECT_EQ(select_roles(config, kExample, {}),
            (std::vector<std::string>{"app", "memcached", "redis"}));
  const RoleConfig app = role_settings(config, "app");
  EXPECT_THAT(app.after, ElementsAre("memcached"));
  EXPECT_EQ(app.environment, "production");
  EXPECT_THAT(app.effective_run_list(), ElementsAre("role[app]"));
  EXPECT_EQ(role_settings(config, "memcached").image, config.image);
  EXPECT_NE(role_settings(config, "redis").image, config.image);
}

TEST(ExampleRepoConfig, EveryRolesFunctionalSpecLoads) {
  for (const std::string role : {"memcached", "redis", "app"}) {
    const auto files = find_functional_spec_files(kExample, role);
    ASSERT_FALSE(files.empty()) << role;
    for (const auto& file : files) {
      const auto checks = load_functional_spec(file);
      EXPECT_GE(checks.size(), 3u) << file;
      for (const auto& check : checks) {
        EXPECT_EQ(check.error, "") << file << ":" << check.line;
        EXPECT_TRUE(check.matcher.has_value()) << file << ":" << check.line << " " << check.name;
      }
    }
  }
}

TEST(ExampleRepoConfig, RedisImageBakesRedisAndTheAgentsTools) {
  const ImageSpec spec = load_image_spec((kExample / "images/redis.yml").string());
  EXPECT_EQ(spec.name, "redis");
  for (const char* package : {"redis-server", "redis-tools", "curl", "openssl"})
    EXPECT_THAT(spec.packages, Contains(std::string(package)));
}

}  // namespace
}  // namespace proofbox::harness
