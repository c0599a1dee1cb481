// Backup of a signed-auth goiardi server restored into proofbox: the backup of proofbox
// afterwards must equal the backup of goiardi. goiardi is filled first with the fixture
// chef-repo (cookbooks through its sandboxes, roles, environments, data bags, nodes), so the
// test also proves restore against a server that is not proofbox.
#include <gtest/gtest.h>

#include <filesystem>

#include "goiardi_process.hpp"
#include "proofbox/backup/diff.hpp"
#include "proofbox/backup/repo/read_chef_repo.hpp"
#include "proofbox/backup/server/server_reader.hpp"
#include "proofbox/backup/server/server_writer.hpp"
#include "support/backup_test_support.hpp"

namespace proofbox::backup {
namespace {

client::ClientConfig goiardi_config(const testing::GoiardiProcess& goiardi) {
  client::ClientConfig c;
  c.server_url = goiardi.url();
  c.client_name = goiardi.admin_name();
  c.private_key_pem = goiardi.admin_key();
  // goiardi 0.11 verifies the 1.0/1.1 signing protocols, as older knife uses.
  c.sign_version = zero::auth::SignVersion::V1_1;
  c.api_version = 1;
  c.concurrency = 4;
  c.timeout = std::chrono::milliseconds(20000);
  return c;
}

TEST(GoiardiRoundTrip, BackupOfSignedGoiardiRestoredIntoProofboxDiffsEmpty) {
  testing::GoiardiProcess goiardi;
  auto source = client::ChefClient::over_http(goiardi_config(goiardi));

  ChefData repo =
      repo::read_chef_repo(std::filesystem::path(PROOFBOX_SOURCE_DIR) / "fixtures" / "chef-repo");
  server::RestoreResult seeded = server::restore(source, repo);
  ASSERT_TRUE(seeded.ok()) << ::testing::PrintToString(seeded.errors);

  server::ReadResult from_goiardi = server::read_server(source);
  ASSERT_FALSE(from_goiardi.data.cookbooks.empty());
  ASSERT_FALSE(from_goiardi.data.roles.empty());

  testing::SignedServer proofbox;
  auto target = proofbox.http_client(8);
  server::RestoreResult restored = server::restore(target, from_goiardi.data);
  ASSERT_TRUE(restored.ok()) << ::testing::PrintToString(restored.errors);

  server::ReadResult from_proofbox = server::read_server(target);
  // goiardi's users are not Chef server users (an "admin" flag, no email or display name), so
  // they are carried over, keys intact, rather than made identical; every other kind must be.
  for (const auto& [name, user] : from_goiardi.data.users) {
    ASSERT_EQ(from_proofbox.data.users.count(name), 1u) << name;
    EXPECT_EQ(from_proofbox.data.users.at(name)["public_key"], user["public_key"]) << name;
  }
  ChefData goiardi_side = from_goiardi.data;
  goiardi_side.described.erase("users");
  DiffResult diff = diff_chef_data(goiardi_side, from_proofbox.data);
  EXPECT_TRUE(diff.same()) << format_diff_human(diff, "goiardi", "proofbox");
  for (const auto& [md5, bytes] : from_goiardi.data.files) {
    ASSERT_EQ(from_proofbox.data.files.count(md5), 1u) << md5;
    EXPECT_EQ(from_proofbox.data.files.at(md5), bytes);
  }
}

}  // namespace
}  // namespace proofbox::backup
