// proofbox.yml: values, defaults, role selection, and errors that name the file and line.
#include "proofbox/harness/converge_config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/harness/converge.hpp"
#include "support/temp_dir.hpp"

namespace proofbox::harness {
namespace {

using backup::testing::TempDir;
using backup::testing::write_file;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string error_of(const std::string& text) {
  try {
    parse_converge_config(text, "repo/proofbox.yml");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ConvergeConfig, ReadsEverySetting) {
  const auto config = parse_converge_config(R"(runtime: lxc
image: proofbox/base:bookworm
bootstrap: bootstrap/production.sh.mustache
jobs: 3
timeout: 120
role_timeout: 60
roles:
  memcached:
    image: proofbox/memcached:bookworm
    environment: production
    run_list: ["role[memcached]", "recipe[extra]"]
    after: [db]
    timeout: 30
    attributes:
      memcached: {port: 11211, verbose: true, ratio: 0.5, name: cache, "quoted": "42"}
  db:
)",
                                            "proofbox.yml");
  EXPECT_EQ(config.runtime, "lxc");
  EXPECT_EQ(config.image, "proofbox/base:bookworm");
  EXPECT_EQ(config.bootstrap, "bootstrap/production.sh.mustache");
  EXPECT_EQ(config.jobs, 3u);
  EXPECT_EQ(config.timeout.count(), 120);
  EXPECT_EQ(config.role_timeout.count(), 60);
  ASSERT_EQ(config.roles.size(), 2u);
  const RoleConfig& memcached = config.roles.at("memcached");
  EXPECT_EQ(memcached.image, "proofbox/memcached:bookworm");
  EXPECT_EQ(memcached.environment, "production");
  EXPECT_THAT(memcached.run_list, ElementsAre("role[memcached]", "recipe[extra]"));
  EXPECT_THAT(memcached.after, ElementsAre("db"));
  EXPECT_EQ(memcached.timeout.count(), 30);
  EXPECT_EQ(memcached.line, 8);
  EXPECT_EQ(memcached.after_line, 12);
  const auto& attributes = memcached.attributes.at("memcached");
  EXPECT_EQ(attributes.at("port"), 11211);
  EXPECT_EQ(attributes.at("verbose"), true);
  EXPECT_EQ(attributes.at("ratio"), 0.5);
  EXPECT_EQ(attributes.at("name"), "cache");
  EXPECT_EQ(attributes.at("quoted"), "42");  // quoted scalars stay strings
  EXPECT_THAT(config.roles.at("db").effective_run_list(), ElementsAre("role[db]"));
}

TEST(ConvergeConfig, DefaultsWhenTheRepoHasNoConfig) {
  TempDir repo;
  const auto config = load_converge_config(repo.path());
  EXPECT_TRUE(config.file.empty());
  EXPECT_EQ(config.runtime, "auto");
  EXPECT_EQ(config.bootstrap, "proofbox-agent");
  EXPECT_EQ(config.jobs, 0u);
  EXPECT_TRUE(config.roles.empty());
  const RoleConfig web = role_settings(config, "web");
  EXPECT_EQ(web.environment, "_default");
  EXPECT_EQ(web.timeout, config.role_timeout);
  EXPECT_THAT(web.effective_run_list(), ElementsAre("role[web]"));
}

TEST(ConvergeConfig, RoleSettingsFallBackToTheRunDefaults) {
  const auto config = parse_converge_config(
      "image: base\nrole_timeout: 45\nroles:\n  a:\n    timeout: 5\n  b: {}\n", "f");
  EXPECT_EQ(role_settings(config, "a").image, "base");
  EXPECT_EQ(role_settings(config, "a").timeout.count(), 5);
  EXPECT_EQ(role_settings(config, "b").timeout.count(), 45);
}

TEST(ConvergeConfig, ErrorsNameTheFileAndLine) {
  EXPECT_THAT(error_of("runtime: podman\n"),
              HasSubstr("repo/proofbox.yml:1: runtime must be auto, docker or lxc, not 'podman'"));
  EXPECT_THAT(error_of("image: x\nimagez: y\n"),
              HasSubstr("repo/proofbox.yml:2: unknown key 'imagez'"));
  EXPECT_THAT(
      error_of("roles:\n  web:\n    timeout: soon\n"),
      HasSubstr("repo/proofbox.yml:3: roles.web.timeout must be a whole number of seconds"));
  EXPECT_THAT(error_of("roles:\n  web:\n    after: [db]\n    colour: red\n"),
              HasSubstr("repo/proofbox.yml:4: unknown key 'colour' in role 'web'"));
  EXPECT_THAT(error_of("roles:\n  web:\n    attributes: [1, 2]\n"),
              HasSubstr("repo/proofbox.yml:3: roles.web.attributes must be a map"));
  EXPECT_THAT(error_of("jobs: many\n"),
              HasSubstr("repo/proofbox.yml:1: jobs must be a whole number"));
  EXPECT_THAT(error_of("timeout: 0\n"),
              HasSubstr("repo/proofbox.yml:1: timeout must be more than 0"));
  EXPECT_THAT(error_of("roles: [web]\n"), HasSubstr("repo/proofbox.yml:1: roles must be a map"));
  EXPECT_THAT(error_of("- a\n- b\n"), HasSubstr("repo/proofbox.yml:1: the config must be a map"));
}

TEST(ConvergeConfig, SyntaxErrorsNameTheLine) {
  EXPECT_THAT(error_of("image: x\nroles:\n  web: {after: [db\n"), HasSubstr("repo/proofbox.yml:"));
  EXPECT_THAT(error_of("image: x\nroles: {\n\n\n"), ::testing::StartsWith("repo/proofbox.yml:"));
}

TEST(ConvergeConfig, ACycleInAfterIsAnErrorNamingTheCycle) {
  const std::string error = error_of(
      "roles:\n"
      "  app:\n"
      "    after: [web]\n"
      "  db: {}\n"
      "  web:\n"
      "    after: [db, app]\n");
  EXPECT_THAT(error, HasSubstr("repo/proofbox.yml:3: roles wait for each other in a cycle: "
                               "app -> web -> app"));
  EXPECT_THAT(error_of("roles:\n  self:\n    after: self\n"), HasSubstr("cycle: self -> self"));
}

TEST(ConvergeConfig, LoadsTheRepoFileAndNamesItInErrors) {
  TempDir repo;
  write_file(repo / "proofbox.yml", "image: base\nroles:\n  web:\n    timeout: -3\n");
  try {
    load_converge_config(repo.path());
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_THAT(e.what(), HasSubstr((repo / "proofbox.yml").string() + ":4: roles.web.timeout"));
  }
}

TEST(SelectRoles, DefaultsToFunctionalSpecsAndDeclaredRoles) {
  TempDir repo;
  write_file(repo / "spec/functional/memcached.yml", "checks: []\n");
  write_file(repo / "spec/functional/notes.txt", "not a spec\n");
  write_file(repo / "roles/memcached.json", "{}");
  write_file(repo / "roles/web.json", "{}");
  write_file(repo / "roles/unused.json", "{}");
  const auto config = parse_converge_config("roles:\n  web: {}\n", repo / "proofbox.yml");
  EXPECT_THAT(select_roles(config, repo.path(), {}), ElementsAre("memcached", "web"));
}

TEST(SelectRoles, RequestedRolesPullInWhatTheyWaitFor) {
  TempDir repo;
  write_file(repo / "roles/db.rb", "name 'db'\n");
  const auto config = parse_converge_config(
      "roles:\n  app:\n    after: [web]\n  web:\n    after: [db]\n  other: {}\n",
      repo / "proofbox.yml");
  EXPECT_THAT(select_roles(config, repo.path(), {"app"}), ElementsAre("app", "db", "web"));
  EXPECT_THAT(select_roles(config, repo.path(), {"other"}), ElementsAre("other"));
}

TEST(SelectRoles, UnknownRolesAreErrors) {
  TempDir repo;
  const auto config =
      parse_converge_config("roles:\n  web:\n    after: [ghost]\n", repo / "proofbox.yml");
  try {
    select_roles(config, repo.path(), {"nosuch"});
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_THAT(e.what(), HasSubstr("unknown role 'nosuch'"));
  }
  try {
    select_roles(config, repo.path(), {"web"});
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_THAT(e.what(), HasSubstr("proofbox.yml:3: role 'web' waits for 'ghost'"));
  }
}

TEST(BootstrapRenderer, RendersTheShippedAgentTemplateForANode) {
  TempDir repo;
  const auto render = make_bootstrap_renderer(ConvergeConfig{}, repo.path());
  NodeBootstrap node;
  node.role = "memcached";
  node.server_url = "http://10.1.2.1:4000/organizations/chef";
  node.node_name = "memcached-1";
  node.environment = "production";
  node.run_list = {"role[memcached]"};
  node.validation_client_name = "chef-validator";
  node.validation_key = "-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----";
  node.first_boot_attributes = {{"memcached", {{"port", 11311}}}};
  const std::string script = render(node);
  EXPECT_THAT(script, HasSubstr("chef_server_url \"http://10.1.2.1:4000/organizations/chef\""));
  EXPECT_THAT(script, HasSubstr("node_name \"memcached-1\""));
  EXPECT_THAT(script, HasSubstr("validation_client_name \"chef-validator\""));
  EXPECT_THAT(script, HasSubstr(node.validation_key));
  EXPECT_THAT(script, HasSubstr("\"port\":11311"));
  EXPECT_THAT(script, HasSubstr("role[memcached]"));
  EXPECT_THAT(script, HasSubstr(std::string(kConvergeMarker)));
}

TEST(BootstrapRenderer, ReadsTheUsersTemplateRelativeToTheRepo) {
  TempDir repo;
  write_file(repo / "bootstrap/prod.sh.mustache",
             "#!/bin/sh\necho {{node_name}} {{environment}}\n");
  const auto config =
      parse_converge_config("bootstrap: bootstrap/prod.sh.mustache\n", repo / "proofbox.yml");
  NodeBootstrap node;
  node.node_name = "web-1";
  node.environment = "staging";
  EXPECT_EQ(make_bootstrap_renderer(config, repo.path())(node), "#!/bin/sh\necho web-1 staging\n");
}

TEST(BootstrapRenderer, AMissingTemplateIsAConfigErrorAtItsLine) {
  TempDir repo;
  const auto config =
      parse_converge_config("image: x\nbootstrap: nosuch.mustache\n", repo / "proofbox.yml");
  try {
    make_bootstrap_renderer(config, repo.path());
    FAIL() << "no error";
  } catch (const ConfigError& e) {
    EXPECT_THAT(e.what(), HasSubstr("proofbox.yml:2: bootstrap: "));
    EXPECT_THAT(e.what(), HasSubstr("nosuch.mustache"));
  }
}

}  // namespace
}  // namespace proofbox::harness
