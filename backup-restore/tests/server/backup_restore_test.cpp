// Restore into a proofbox server and back up from it, in-process through the real ChefApi
// (signed requests): every kind, the plan, idempotence, dry run, purge and its limits.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "proofbox/backup/server/server_reader.hpp"
#include "proofbox/backup/server/server_writer.hpp"
#include "support/backup_test_support.hpp"
#include "support/sample_data.hpp"

namespace proofbox::backup::server {
namespace {

using ::testing::HasSubstr;
using testing::sample_data;
using testing::SignedServer;

class BackupRestore : public ::testing::Test {
 protected:
  SignedServer server_;
  client::ChefClient client_ = server_.in_process_client();
};

TEST_F(BackupRestore, RestoresEveryKindThenBacksItUp) {
  ChefData source = sample_data();
  RestoreResult result = restore(client_, source);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(result.errors);
  EXPECT_EQ(result.plan.count(Change::Op::kCreate, "nodes"), 3u);
  EXPECT_EQ(result.plan.count(Change::Op::kCreate, "data_bags"), 5u);  // 3 bags + 2 items

  ReadResult backup = read_server(client_);
  const ChefData& d = backup.data;
  EXPECT_EQ(d.nodes.size(), 3u);
  EXPECT_EQ(d.nodes.at("web01")["run_list"], Json({"role[web]"}));
  EXPECT_EQ(d.nodes.at("web01")["normal"]["tags"], Json({"frontend"}));
  EXPECT_EQ(d.nodes.at("web02.example.com")["name"], "web02.example.com");
  EXPECT_EQ(d.roles.at("web")["default_attributes"]["nginx"]["port"], 80);
  EXPECT_EQ(d.environments.count("_default"), 1u);
  EXPECT_EQ(d.environments.at("production")["cookbook_versions"]["nginx"], "= 1.2.3");
  EXPECT_EQ(d.clients.at("app-client")["public_key"], source.clients["app-client"]["public_key"]);
  EXPECT_EQ(d.clients.at("other-validator")["validator"], true);
  EXPECT_EQ(d.clients.count("chef-validator"), 1u);
  EXPECT_EQ(d.users.at("alice")["public_key"], source.users["alice"]["public_key"]);
  EXPECT_EQ(d.users.at("alice")["email"], "alice@example.com");
  EXPECT_EQ(d.users.count("pivotal"), 1u);
  EXPECT_EQ(d.data_bags.at("secrets").at("db"), source.data_bags["secrets"]["db"]);
  EXPECT_EQ(d.data_bags.at("empty").size(), 0u);
  for (auto kind : {"nodes", "roles", "environments", "clients", "users", "data_bags"}) {
    EXPECT_TRUE(d.describes(kind)) << kind;
  }
}

// Counts the requests that are not reads.
class WriteCounter : public zero::http::Handler {
 public:
  explicit WriteCounter(zero::http::Handler& inner) : inner_(inner) {}
  zero::http::Response handle(zero::http::Request& request) override {
    if (request.method != "GET") ++writes;
    return inner_.handle(request);
  }
  int writes = 0;

 private:
  zero::http::Handler& inner_;
};

TEST_F(BackupRestore, SecondRunChangesNothing) {
  ChefData source = sample_data();
  WriteCounter counter(server_.server().api());
  client::ChefClient counted = client::ChefClient::in_process(counter, server_.config());
  ASSERT_TRUE(restore(counted, source).ok());
  EXPECT_GT(counter.writes, 10);
  counter.writes = 0;
  RestoreResult again = restore(counted, source);
  EXPECT_TRUE(again.ok());
  EXPECT_TRUE(again.plan.empty()) << again.plan.summary();
  EXPECT_EQ(again.plan.summary(), "nothing to change");
  EXPECT_EQ(counter.writes, 0);
}

TEST_F(BackupRestore, UpdatesWhatDiffersAndDryRunChangesNothing) {
  ChefData source = sample_data();
  ASSERT_TRUE(restore(client_, source).ok());
  source.roles["web"]["description"] = "the new front end";
  source.data_bags["users"]["alice"]["shell"] = "/bin/bash";
  source.nodes["new01"] = Json{{"name", "new01"}};

  RestoreOptions dry;
  dry.dry_run = true;
  RestoreResult planned = restore(client_, source, dry);
  EXPECT_EQ(planned.plan.summary(), "create: nodes 1; update: data_bags 1, roles 1");
  EXPECT_FALSE(server_.store().org("chef")->nodes().contains("new01"));

  ASSERT_TRUE(restore(client_, source).ok());
  ChefData d = read_server(client_).data;
  EXPECT_EQ(d.roles.at("web")["description"], "the new front end");
  EXPECT_EQ(d.data_bags.at("users").at("alice")["shell"], "/bin/bash");
  EXPECT_EQ(d.nodes.count("new01"), 1u);
}

TEST_F(BackupRestore, PurgeDeletesOnlyDescribedKindsAndNeverDefaultOrSelf) {
  ChefData source = sample_data();
  ASSERT_TRUE(restore(client_, source).ok());

  ChefData smaller;
  smaller.nodes["web01"] = source.nodes["web01"];
  smaller.roles["web"] = source.roles["web"];
  smaller.data_bags["users"]["alice"] = source.data_bags["users"]["alice"];
  smaller.described = {"nodes", "data_bags", "environments", "clients", "users"};  // not roles

  RestoreOptions purge;
  purge.purge = true;
  RestoreResult result = restore(client_, smaller, purge);
  ASSERT_TRUE(result.ok()) << ::testing::PrintToString(result.errors);
  ChefData d = read_server(client_).data;
  EXPECT_EQ(d.nodes.size(), 1u);
  EXPECT_EQ(d.roles.size(), 2u);  // roles are not described: "base" stays
  EXPECT_EQ(d.environments.count("_default"), 1u);
  EXPECT_EQ(d.environments.count("production"), 0u);
  EXPECT_EQ(d.data_bags.count("secrets"), 0u);
  EXPECT_EQ(d.data_bags.at("users").size(), 1u);
  EXPECT_EQ(d.users.count("pivotal"), 1u);  // the identity doing the restore
  EXPECT_EQ(d.users.count("alice"), 0u);
  EXPECT_EQ(d.clients.size(), 0u);
  EXPECT_TRUE(restore(client_, smaller, purge).plan.empty());
}

TEST_F(BackupRestore, InvalidSourceChangesNothing) {
  ChefData source = sample_data();
  source.nodes["mismatch"] = Json{{"name", "other"}};
  source.data_bags["users"]["bob"] = Json{{"id", "robert"}};
  source.cookbooks["nginx-1.0.0"] = Json{{"cookbook_name", "nginx"},
                                         {"version", "1.0.0"},
                                         {"all_files",
                                          {{{"name", "recipes/default.rb"},
                                            {"path", "recipes/default.rb"},
                                            {"checksum", "0123456789abcdef0123456789abcdef"}}}}};
  RestoreOptions purge;
  purge.purge = true;
  try {
    restore(client_, source, purge);
    FAIL() << "expected InvalidSource";
  } catch (const InvalidSource& e) {
    EXPECT_THAT(e.what(), HasSubstr("nodes mismatch: its \"name\" is \"other\""));
    EXPECT_THAT(e.what(), HasSubstr("data bag item users/bob"));
    EXPECT_THAT(e.what(),
                HasSubstr("recipes/default.rb (0123456789abcdef0123456789abcdef) is missing"));
  }
  EXPECT_EQ(server_.store().org("chef")->nodes().size(), 0u);
}

TEST_F(BackupRestore, KindsTheServerLacksAreWarningsAndNotDescribed) {
  ReadResult r = read_server(client_);
  // Whichever kinds this server build does not serve are reported, never silently empty.
  for (auto kind : kKinds) {
    bool warned = false;
    for (const auto& w : r.warnings) warned = warned || w.rfind(std::string(kind) + ":", 0) == 0;
    EXPECT_NE(r.data.describes(kind), warned) << kind;
  }
}

TEST_F(BackupRestore, ProgressLinesOnTheStream) {
  std::ostringstream out;
  Progress progress("restore", &out, std::chrono::milliseconds(0));
  RestoreOptions options;
  options.progress = &progress;
  ASSERT_TRUE(restore(client_, sample_data(), options).ok());
  EXPECT_THAT(out.str(), HasSubstr("restore: nodes 3/3\n"));
  EXPECT_THAT(out.str(), HasSubstr("restore: roles 2/2\n"));
}

}  // namespace
}  // namespace proofbox::backup::server
