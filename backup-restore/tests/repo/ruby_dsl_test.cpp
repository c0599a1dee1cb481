#include "proofbox/backup/repo/ruby_dsl.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "proofbox/backup/repo/repo_error.hpp"
#include "repo/temp_repo.hpp"

namespace proofbox::backup::repo {
namespace {

using ::testing::HasSubstr;

Json eval(const std::string& source, DslKind kind, const char* file = "x.rb") {
  return evaluate_ruby_dsl_text(file, source, kind);
}

// Runs `source` expecting a RepoError; returns it.
RepoError eval_error(const std::string& source, DslKind kind, const char* file = "dir/x.rb") {
  try {
    eval(source, kind, file);
  } catch (const RepoError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << source;
  return RepoError(file, 0, "none");
}

TEST(RubyDslMetadata, EveryMethodRecordsItsField) {
  const Json md = eval(R"(
name 'webapp'
description 'Deploys the app'
long_description "Long text for #{name}"
maintainer 'Web Team'
maintainer_email 'web@example.com'
license 'Apache-2.0'
version '1.4'
source_url 'https://git.example.com/webapp'
issues_url 'https://git.example.com/webapp/issues'
privacy true
eager_load_libraries 'helpers.rb'
chef_version '>= 16.0', '< 19'
chef_version '~> 15.10'
ohai_version '>= 16'
depends 'memcached', '~> 2.1'
depends :nginx
depends 'webapp'
supports 'ubuntu', '>= 20.04'
supports :debian
provides 'service[webapp]'
recipe 'webapp::deploy', 'Deploys a release'
gem 'chef-vault', '>= 4.0'
attribute 'webapp/port', display_name: 'Port'
grouping 'webapp', title: 'Web app'
)",
                       DslKind::metadata);
  EXPECT_EQ(md["name"], "webapp");
  EXPECT_EQ(md["description"], "Deploys the app");
  EXPECT_EQ(md["long_description"], "Long text for webapp");
  EXPECT_EQ(md["maintainer"], "Web Team");
  EXPECT_EQ(md["maintainer_email"], "web@example.com");
  EXPECT_EQ(md["license"], "Apache-2.0");
  EXPECT_EQ(md["version"], "1.4.0");
  EXPECT_EQ(md["source_url"], "https://git.example.com/webapp");
  EXPECT_EQ(md["issues_url"], "https://git.example.com/webapp/issues");
  EXPECT_EQ(md["privacy"], true);
  EXPECT_EQ(md["eager_load_libraries"], "helpers.rb");
  EXPECT_EQ(md["chef_versions"], (Json{{"< 19", ">= 16.0"}, {"~> 15.10"}}));
  EXPECT_EQ(md["ohai_versions"], (Json{{">= 16"}}));
  // The self-dependency is dropped, as Chef does.
  EXPECT_EQ(md["dependencies"], (Json{{"memcached", "~> 2.1"}, {"nginx", ">= 0.0.0"}}));
  EXPECT_EQ(md["platforms"], (Json{{"ubuntu", ">= 20.04"}, {"debian", ">= 0.0.0"}}));
  EXPECT_EQ(md["providing"], (Json{{"service[webapp]", ">= 0.0.0"}}));
  EXPECT_EQ(md["recipes"], (Json{{"webapp::deploy", "Deploys a release"}}));
  EXPECT_EQ(md["gems"], Json::array({Json::array({"chef-vault", ">= 4.0"})}));
  // attribute/grouping are obsolete: ignored, and not in the uploaded document.
  EXPECT_FALSE(md.contains("attributes"));
  EXPECT_FALSE(md.contains("groupings"));
}

TEST(RubyDslMetadata, ConstraintsAreNormalisedAsChefPlatformConstraints) {
  const Json md = eval(R"(
depends 'apt', '7'
depends 'yum', ' ~>5 '
supports 'freebsd', '>= 10.1-RELEASE'
supports 'centos', '> 7.2.1511'
)",
                       DslKind::metadata);
  EXPECT_EQ(md["dependencies"], (Json{{"apt", "= 7"}, {"yum", "~> 5"}}));
  EXPECT_EQ(md["platforms"], (Json{{"freebsd", ">= 10.1-RELEASE"}, {"centos", "> 7.2.1511"}}));
  EXPECT_THROW(eval("depends 'a', '>= 1.2.3.4'", DslKind::metadata), RepoError);
  EXPECT_THROW(eval("depends 'a', '>= 1-RELEASE'", DslKind::metadata), RepoError);
  EXPECT_THROW(eval("depends 'a', 'latest'", DslKind::metadata), RepoError);
}

TEST(RubyDslMetadata, DefaultsAreChefs) {
  const Json md = eval("name 'bare'", DslKind::metadata);
  EXPECT_EQ(md["license"], "All rights reserved");
  EXPECT_EQ(md["version"], "0.0.0");
  EXPECT_EQ(md["description"], "");
  EXPECT_EQ(md["privacy"], false);
  EXPECT_EQ(md["eager_load_libraries"], true);
  EXPECT_EQ(md["dependencies"], Json::object());
  EXPECT_EQ(md["chef_versions"], Json::array());
}

TEST(RubyDslMetadata, RubyCodeRunsAndCanReadFilesNextToIt) {
  testing::TempRepo repo;
  repo.write("cb/README.md", "# Read me\n");
  const auto file = repo.write("cb/metadata.rb", R"(
name 'cb'
long_description IO.read(File.join(File.dirname(__FILE__), 'README.md'))
%w(ubuntu debian).each { |os| supports os }
version [1, 2, 3].join('.')
)");
  const Json md = evaluate_ruby_dsl(file, DslKind::metadata);
  EXPECT_EQ(md["long_description"], "# Read me\n");
  EXPECT_EQ(md["platforms"], (Json{{"ubuntu", ">= 0.0.0"}, {"debian", ">= 0.0.0"}}));
  EXPECT_EQ(md["version"], "1.2.3");
}

TEST(RubyDslRole, EveryMethodRecordsItsField) {
  const Json role = eval(R"(
name 'web'
description 'Web tier'
run_list 'role[base]', ['recipe[webapp]']
env_run_lists '_default' => ['role[base]', 'recipe[webapp]'], :staging => 'recipe[webapp::deploy]'
env_run_lists_add 'production' => ['recipe[webapp]']
default_attributes 'webapp' => { 'port' => 8080, :ratio => 0.5, 'on' => true, 'none' => nil }
override_attributes memcached: { listen: '127.0.0.1' }
)",
                         DslKind::role);
  EXPECT_EQ(role["name"], "web");
  EXPECT_EQ(role["description"], "Web tier");
  EXPECT_EQ(role["run_list"], (Json{"role[base]", "recipe[webapp]"}));
  EXPECT_EQ(role["env_run_lists"],
            (Json{{"staging", {"recipe[webapp::deploy]"}}, {"production", {"recipe[webapp]"}}}));
  EXPECT_EQ(role["default_attributes"],
            (Json{{"webapp", {{"port", 8080}, {"ratio", 0.5}, {"on", true}, {"none", nullptr}}}}));
  EXPECT_EQ(role["override_attributes"], (Json{{"memcached", {{"listen", "127.0.0.1"}}}}));
}

TEST(RubyDslRole, RecordsOnlyWhatTheFileSets) {
  EXPECT_EQ(eval("name 'x'", DslKind::role), (Json{{"name", "x"}}));
}

TEST(RubyDslEnvironment, EveryMethodRecordsItsField) {
  const Json env = eval(R"(
name 'production'
description 'Customers'
cookbook_versions 'nginx' => '>= 1.0', :apt => '~> 7.4.0'
cookbook 'webapp', '= 1.4.0'
default_attributes 'a' => 1
override_attributes 'b' => [1, 'two', :three]
)",
                        DslKind::environment);
  EXPECT_EQ(env["name"], "production");
  EXPECT_EQ(env["description"], "Customers");
  EXPECT_EQ(env["cookbook_versions"],
            (Json{{"nginx", ">= 1.0"}, {"apt", "~> 7.4.0"}, {"webapp", "= 1.4.0"}}));
  EXPECT_EQ(env["default_attributes"], (Json{{"a", 1}}));
  EXPECT_EQ(env["override_attributes"], (Json{{"b", {1, "two", "three"}}}));
}

TEST(RubyDslNode, EveryMethodRecordsItsField) {
  const Json node = eval(R"(
name 'web01'
chef_environment 'production'
run_list 'role[web]'
default_attributes 'd' => 1
normal_attributes 'n' => 2
override_attributes 'o' => 3
automatic_attributes 'fqdn' => 'web01.example.com'
policy_name 'web'
policy_group 'prod'
)",
                         DslKind::node);
  EXPECT_EQ(node, (Json{{"name", "web01"},
                        {"chef_environment", "production"},
                        {"run_list", {"role[web]"}},
                        {"default", {{"d", 1}}},
                        {"normal", {{"n", 2}}},
                        {"override", {{"o", 3}}},
                        {"automatic", {{"fqdn", "web01.example.com"}}},
                        {"policy_name", "web"},
                        {"policy_group", "prod"}}));
}

TEST(RubyDslErrors, SyntaxErrorNamesFileAndLine) {
  const RepoError e = eval_error("name 'web'\nrun_list 'a',\n  def (\n", DslKind::role);
  EXPECT_EQ(e.file(), "dir/x.rb");
  EXPECT_GE(e.line(), 3);
  EXPECT_THAT(e.what(), HasSubstr("dir/x.rb:"));
  EXPECT_THAT(e.message(), HasSubstr("syntax error"));
}

TEST(RubyDslErrors, RaisingDslCallNamesTheCallersLine) {
  const RepoError e = eval_error("name 'cb'\n\ndepends 'a', '>= 1', '< 2'\n", DslKind::metadata);
  EXPECT_EQ(e.line(), 3);
  EXPECT_THAT(e.message(), HasSubstr("ArgumentError"));
  EXPECT_THAT(e.message(), HasSubstr("one version constraint at most"));
}

TEST(RubyDslErrors, InvalidValuesRaiseAtTheirLine) {
  EXPECT_EQ(eval_error("name 'cb'\nversion 'one.two'\n", DslKind::metadata).line(), 2);
  EXPECT_EQ(eval_error("name 'cb'\n\ndepends 'a', '>> 1.0'\n", DslKind::metadata).line(), 3);
  EXPECT_EQ(eval_error("name 42\n", DslKind::metadata).line(), 1);
  EXPECT_EQ(eval_error("name 'e'\ncookbook 'a', '= 1'\n", DslKind::environment).line(), 2);
  EXPECT_EQ(eval_error("env_run_lists 'prod' => []\n", DslKind::role).line(), 1);
  EXPECT_EQ(eval_error("name 'r'\ndefault_attributes [1]\n", DslKind::role).line(), 2);
}

TEST(RubyDslErrors, ExceptionFromTheFilesOwnCode) {
  const RepoError e = eval_error("name 'r'\nx = 1\nraise 'stop here' if x == 1\n", DslKind::role);
  EXPECT_EQ(e.line(), 3);
  EXPECT_THAT(e.message(), HasSubstr("stop here"));
}

TEST(RubyDslErrors, UnknownMethodFailsForRolesButNotMetadata) {
  const RepoError e = eval_error("name 'r'\nrunlist 'recipe[x]'\n", DslKind::role);
  EXPECT_EQ(e.line(), 2);
  EXPECT_THAT(e.message(), HasSubstr("NoMethodError"));
  // Chef ignores unknown metadata methods (future or obsolete fields).
  EXPECT_EQ(eval("name 'cb'\nsome_future_field 'x'\n", DslKind::metadata)["name"], "cb");
}

TEST(RubyDslErrors, ValueWithoutJsonFormIsAnError) {
  const RepoError e = eval_error("default_attributes 'r' => (1..2)\n", DslKind::role);
  EXPECT_THAT(e.message(), HasSubstr("Range"));
}

TEST(RubyDslErrors, NoSocketsAndNoPrograms) {
  EXPECT_THAT(eval_error("name 'r'\nTCPSocket.new('127.0.0.1', 80)\n", DslKind::role).message(),
              HasSubstr("NameError"));
  EXPECT_EQ(eval_error("name 'r'\ndescription `id`\n", DslKind::role).line(), 2);
  EXPECT_THROW(eval("description IO.popen('id').read", DslKind::role), RepoError);
  EXPECT_THROW(eval("description open('|id').read", DslKind::role), RepoError);
}

TEST(RubyDslErrors, FilesDoNotShareState) {
  eval("$leak = 'x'\nclass Object; def helper; 'h'; end; end\nname 'a'", DslKind::role);
  EXPECT_EQ(eval("name($leak || 'clean')", DslKind::role)["name"], "clean");
  EXPECT_THAT(eval_error("name helper", DslKind::role).message(), HasSubstr("NoMethodError"));
}

}  // namespace
}  // namespace proofbox::backup::repo
