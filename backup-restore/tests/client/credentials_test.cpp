#include "proofbox/backup/client/credentials.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace proofbox::backup::client {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class CredentialsTest : public ::testing::Test {
 protected:
  CredentialsTest() {
    home_ = fs::temp_directory_path() /
            ("proofbox-cred-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(home_ / ".chef");
    env_["HOME"] = home_.string();
    write(".chef/barney.pem", "BARNEY KEY");
    write(".chef/wilma.pem", "WILMA KEY");
    write("flag.pem", "FLAG KEY");
    write(".chef/credentials", R"([default]
client_name = "barney"
client_key = "barney.pem"
chef_server_url = "https://chef.example/organizations/bedrock"

[wilma]
client_name = "wilma"
client_key = "wilma.pem"
chef_server_url = "https://other.example/organizations/quarry"

[inline]
client_name = "pebbles"
client_key = """-----BEGIN RSA PRIVATE KEY-----
x
-----END RSA PRIVATE KEY-----"""
chef_server_url = "https://chef.example/organizations/bedrock"
)");
  }
  ~CredentialsTest() override { fs::remove_all(home_); }

  void write(const std::string& rel, const std::string& text) {
    std::ofstream(home_ / rel) << text;
  }
  EnvLookup env() const {
    return [this](std::string_view name) -> std::optional<std::string> {
      auto it = env_.find(std::string(name));
      if (it == env_.end()) return std::nullopt;
      return it->second;
    };
  }

  fs::path home_;
  std::map<std::string, std::string> env_;
};

TEST_F(CredentialsTest, DefaultProfileWithKeyRelativeToTheFile) {
  Credentials c = resolve_credentials({}, env());
  EXPECT_EQ(c.server_url, "https://chef.example/organizations/bedrock");
  EXPECT_EQ(c.client_name, "barney");
  EXPECT_EQ(c.key_path, (home_ / ".chef/barney.pem").string());
  EXPECT_EQ(c.key_pem, "BARNEY KEY");
}

TEST_F(CredentialsTest, ProfileFromEnvironmentOrFlagFlagWins) {
  env_["CHEF_PROFILE"] = "wilma";
  EXPECT_EQ(resolve_credentials({}, env()).client_name, "wilma");
  CredentialFlags flags;
  flags.profile = "default";
  EXPECT_EQ(resolve_credentials(flags, env()).client_name, "barney");
}

TEST_F(CredentialsTest, EnvironmentBeatsProfileFlagsBeatEnvironment) {
  env_["CHEF_SERVER_URL"] = "https://env.example/organizations/envorg";
  env_["CHEF_NODE_NAME"] = "node-name";
  Credentials c = resolve_credentials({}, env());
  EXPECT_EQ(c.server_url, "https://env.example/organizations/envorg");
  EXPECT_EQ(c.client_name, "node-name");
  EXPECT_EQ(c.key_pem, "BARNEY KEY");  // still from the profile

  env_["CHEF_CLIENT"] = "env-client";  // CHEF_CLIENT before CHEF_NODE_NAME
  env_["CHEF_CLIENT_KEY"] = (home_ / ".chef/wilma.pem").string();
  c = resolve_credentials({}, env());
  EXPECT_EQ(c.client_name, "env-client");
  EXPECT_EQ(c.key_pem, "WILMA KEY");

  CredentialFlags flags;
  flags.server_url = "http://127.0.0.1:1/organizations/flag";
  flags.client_name = "flag-client";
  flags.key_path = (home_ / "flag.pem").string();
  c = resolve_credentials(flags, env());
  EXPECT_EQ(c.server_url, "http://127.0.0.1:1/organizations/flag");
  EXPECT_EQ(c.client_name, "flag-client");
  EXPECT_EQ(c.key_pem, "FLAG KEY");
}

TEST_F(CredentialsTest, InlineKeyAndCredentialsFileFromEnvironment) {
  CredentialFlags flags;
  flags.profile = "inline";
  Credentials c = resolve_credentials(flags, env());
  EXPECT_EQ(c.key_path, "");
  EXPECT_THAT(c.key_pem, HasSubstr("BEGIN RSA PRIVATE KEY"));

  write("elsewhere.toml", "[default]\nchef_server_url = \"http://x/organizations/y\"\n");
  env_["CHEF_CREDENTIALS_FILE"] = (home_ / "elsewhere.toml").string();
  c = resolve_credentials({}, env());
  EXPECT_EQ(c.server_url, "http://x/organizations/y");
  EXPECT_EQ(c.key_pem, "");
}

TEST_F(CredentialsTest, ClearErrors) {
  CredentialFlags flags;
  flags.profile = "nobody";
  EXPECT_THAT(
      [&] { resolve_credentials(flags, env()); },
      ::testing::ThrowsMessage<std::runtime_error>(HasSubstr("profile 'nobody' not found")));
  flags.profile.reset();
  flags.key_path = "/nonexistent/key.pem";
  EXPECT_THAT([&] { resolve_credentials(flags, env()); },
              ::testing::ThrowsMessage<std::runtime_error>(
                  HasSubstr("cannot read client key '/nonexistent/key.pem'")));
  write(".chef/credentials", "[default]\nclient_name = barney\n");
  EXPECT_THAT([&] { resolve_credentials({}, env()); },
              ::testing::ThrowsMessage<std::runtime_error>(HasSubstr("credentials:2:")));
  fs::remove(home_ / ".chef/credentials");
  EXPECT_THAT([&] { resolve_credentials({}, env()); },
              ::testing::ThrowsMessage<std::runtime_error>(HasSubstr("no Chef server URL")));
}

}  // namespace
}  // namespace proofbox::backup::client
