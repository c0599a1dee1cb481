#include "proofbox/backup/repo/repo_objects.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/backup/repo/repo_error.hpp"
#include "repo/temp_repo.hpp"

namespace proofbox::backup::repo {
namespace {

using ::testing::HasSubstr;

template <typename Read>
RepoError read_error(Read read, const std::filesystem::path& file) {
  try {
    read(file);
  } catch (const RepoError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for " << file;
  return RepoError(file, 0, "none");
}

TEST(RoleFiles, RubyAndJsonGiveTheSameRole) {
  testing::TempRepo repo;
  const auto rb = repo.write("rb/web.rb", R"(
name 'web'
description 'Web tier'
run_list 'role[base]', 'webapp'
env_run_lists '_default' => ['role[base]', 'webapp'], 'staging' => ['recipe[webapp::deploy]']
default_attributes 'webapp' => { 'port' => 8080 }
override_attributes 'memcached' => { 'listen' => '127.0.0.1' }
)");
  const auto json = repo.write("json/web.json", R"({
  "name": "web",
  "description": "Web tier",
  "json_class": "Chef::Role",
  "chef_type": "role",
  "run_list": ["role[base]", "recipe[webapp]"],
  "env_run_lists": {"staging": ["recipe[webapp::deploy]"]},
  "default_attributes": {"webapp": {"port": 8080}},
  "override_attributes": {"memcached": {"listen": "127.0.0.1"}}
})");
  const Json from_rb = read_role_file(rb);
  EXPECT_EQ(from_rb, read_role_file(json));
  EXPECT_EQ(from_rb["json_class"], "Chef::Role");
  EXPECT_EQ(from_rb["chef_type"], "role");
  EXPECT_EQ(from_rb["run_list"], (Json{"role[base]", "recipe[webapp]"}));
}

TEST(RoleFiles, DefaultsAreFilledAndTheNameComesFromTheFile) {
  testing::TempRepo repo;
  const Json role = read_role_file(repo.write("roles/db.rb", "run_list 'recipe[postgres]'\n"));
  EXPECT_EQ(role, (Json{{"name", "db"},
                        {"description", ""},
                        {"json_class", "Chef::Role"},
                        {"chef_type", "role"},
                        {"default_attributes", Json::object()},
                        {"override_attributes", Json::object()},
                        {"run_list", {"recipe[postgres]"}},
                        {"env_run_lists", Json::object()}}));
}

TEST(RoleFiles, ANameOtherThanTheFileNameIsRefused) {
  testing::TempRepo repo;
  const auto file = repo.write("roles/web.json", R"({"name": "db"})");
  EXPECT_THAT(read_error(read_role_file, file).what(),
              HasSubstr("'db' but the file name says 'web'"));
}

TEST(RoleFiles, WhatTheServerRejectsIsAnErrorForTheFile) {
  testing::TempRepo repo;
  const auto file = repo.write("roles/web.json", R"({"run_list": "recipe[x]"})");
  const auto e = read_error(read_role_file, file);
  EXPECT_EQ(e.file(), file);
  EXPECT_THAT(e.what(), HasSubstr("run_list"));
  EXPECT_THROW(read_role_file(repo.write("roles/odd.json", R"({"colour": "red"})")), RepoError);
}

TEST(RoleFiles, BadJsonNamesTheLine) {
  testing::TempRepo repo;
  const auto file = repo.write("roles/web.json",
                               "{\n  \"name\": \"web\",\n  \"run_list\": [\n    \"a\"\n  ,]\n}\n");
  const auto e = read_error(read_role_file, file);
  EXPECT_EQ(e.line(), 5);
  EXPECT_THAT(e.what(), HasSubstr("web.json:5: invalid JSON"));
  EXPECT_EQ(read_error(read_role_file, repo.write("roles/arr.json", "[1]")).message(),
            "expected a JSON object");
}

TEST(RoleFiles, RubyErrorsNameFileAndLine) {
  testing::TempRepo repo;
  const auto syntax = repo.write("roles/a.rb", "name 'a'\nrun_list 'x', do\n");
  const auto e1 = read_error(read_role_file, syntax);
  EXPECT_EQ(e1.file(), syntax);
  EXPECT_EQ(e1.line(), 2);
  const auto raising = repo.write("roles/b.rb", "name 'b'\n\nenv_run_lists 'prod' => ['x']\n");
  const auto e2 = read_error(read_role_file, raising);
  EXPECT_EQ(e2.line(), 3);
  EXPECT_THAT(e2.what(),
              HasSubstr(raising.string() + ":3: ArgumentError: _default key is required"));
}

TEST(EnvironmentFiles, RubyAndJsonGiveTheSameEnvironment) {
  testing::TempRepo repo;
  const auto rb = repo.write("rb/production.rb", R"(
name 'production'
description 'Customers'
cookbook 'webapp', '= 1.4.0'
cookbook 'memcached', '~> 2.1'
default_attributes 'webapp' => { 'release' => '2024.06.1' }
override_attributes 'memcached' => { 'memory' => 2048 }
)");
  const auto json = repo.write("json/production.json", R"({
  "name": "production", "description": "Customers",
  "cookbook_versions": {"webapp": "= 1.4.0", "memcached": "~> 2.1"},
  "default_attributes": {"webapp": {"release": "2024.06.1"}},
  "override_attributes": {"memcached": {"memory": 2048}}
})");
  const Json from_rb = read_environment_file(rb);
  EXPECT_EQ(from_rb, read_environment_file(json));
  EXPECT_EQ(from_rb["json_class"], "Chef::Environment");
  EXPECT_EQ(from_rb["chef_type"], "environment");
}

TEST(EnvironmentFiles, DefaultsAreFilled) {
  testing::TempRepo repo;
  const Json env = read_environment_file(repo.write("environments/dev.rb", "description 'd'\n"));
  EXPECT_EQ(env, (Json{{"name", "dev"},
                       {"description", "d"},
                       {"json_class", "Chef::Environment"},
                       {"chef_type", "environment"},
                       {"cookbook_versions", Json::object()},
                       {"default_attributes", Json::object()},
                       {"override_attributes", Json::object()}}));
}

TEST(NodeFiles, RubyAndJsonGiveTheSameNode) {
  testing::TempRepo repo;
  const auto rb = repo.write("rb/web01.rb",
                             "chef_environment 'production'\nrun_list 'role[web]'\n"
                             "normal_attributes 'tags' => ['canary']\n");
  const auto json = repo.write("json/web01.json", R"({"chef_environment": "production",
    "run_list": ["role[web]"], "normal": {"tags": ["canary"]}})");
  const Json node = read_node_file(rb);
  EXPECT_EQ(node, read_node_file(json));
  EXPECT_EQ(node["name"], "web01");
  EXPECT_EQ(node["json_class"], "Chef::Node");
  EXPECT_EQ(node["automatic"], Json::object());
}

TEST(ClientFiles, NameAndDefaultsFilled) {
  testing::TempRepo repo;
  const Json client = read_client_file(repo.write("clients/ci.json", R"({"public_key": "PEM"})"));
  EXPECT_EQ(client, (Json{{"name", "ci"},
                          {"clientname", "ci"},
                          {"validator", false},
                          {"json_class", "Chef::ApiClient"},
                          {"chef_type", "client"},
                          {"public_key", "PEM"}}));
  EXPECT_THROW(
      read_client_file(repo.write("clients/x.json", R"({"name": "x", "clientname": "y"})")),
      RepoError);
}

TEST(DataBagItemFiles, KeptAsWrittenWithTheIdFromTheFileName) {
  testing::TempRepo repo;
  const Json encrypted = {
      {"id", "db"},
      {"password",
       {{"encrypted_data", "abc=\n"}, {"iv", "iv=\n"}, {"version", 1}, {"cipher", "aes-256-cbc"}}}};
  EXPECT_EQ(read_data_bag_item_file(repo.write("data_bags/secrets/db.json", encrypted.dump())),
            encrypted);
  EXPECT_EQ(read_data_bag_item_file(repo.write("data_bags/users/bob.json", R"({"uid": 7})")),
            (Json{{"id", "bob"}, {"uid", 7}}));
  EXPECT_THROW(
      read_data_bag_item_file(repo.write("data_bags/users/eve.json", R"({"id": "mallory"})")),
      RepoError);
}

}  // namespace
}  // namespace proofbox::backup::repo
