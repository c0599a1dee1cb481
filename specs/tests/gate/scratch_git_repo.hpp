#pragma once
// A chef-repo in a fresh git repository for the gate tests: a community-style `memcached`
// cookbook and its `pd-memcached` wrapper, a shared `base` cookbook and role, an app that
// searches for memcached nodes and reads a data bag, a redis role with an env_run_lists entry
// for production, a role whose cookbook reads a data bag named by an attribute, and staging
// and production environments. Committed on `main`; tests branch off, change, commit and ask
// the gate.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "support/temp_dir.hpp"

namespace proofbox::specs::gate::testing {

using backup::testing::TempDir;
using backup::testing::write_file;

class ScratchGitRepo {
 public:
  // `subdir` puts the chef-repo in a folder of the git work tree ("" = at the top).
  explicit ScratchGitRepo(const std::string& subdir = "") {
    repo_ = subdir.empty() ? dir_.path() : dir_.path() / subdir;
    git("init -q -b main");
    write_seed();
    commit("seed");
    git("checkout -q -b feature");
  }

  const std::filesystem::path& path() const { return repo_; }
  const std::filesystem::path& top() const { return dir_.path(); }

  void write(const std::string& relative, const std::string& text) {
    write_file(repo_ / relative, text);
  }
  void remove(const std::string& relative) { std::filesystem::remove_all(repo_ / relative); }

  // Runs git in the work tree top; the test fails when git does.
  void git(const std::string& args) {
    const std::string command = "git -C '" + dir_.path().string() +
                                "' -c user.name=gate -c user.email=gate@test.invalid "
                                "-c init.defaultBranch=main " +
                                args + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  void commit(const std::string& message) {
    git("add -A");
    git("commit -q --allow-empty -m '" + message + "'");
  }

 private:
  void write_seed() {
    write("cookbooks/memcached/metadata.rb", "name 'memcached'\nversion '1.2.0'\n");
    write("cookbooks/memcached/recipes/default.rb",
          "package 'memcached'\nservice 'memcached' do\n  action [:enable, :start]\nend\n");
    write("cookbooks/memcached/templates/default/memcached.conf.erb",
          "-m <%= @memory %>\n-p <%= @port %>\n");
    write("site-cookbooks/pd-memcached/metadata.rb",
          "name 'pd-memcached'\nversion '0.3.0'\ndepends 'memcached', '~> 1.2'\n");
    write("site-cookbooks/pd-memcached/recipes/default.rb",
          "node.default['memcached']['memory'] = 512\ninclude_recipe 'memcached'\n");
    write("cookbooks/base/metadata.rb", "name 'base'\nversion '1.0.0'\n");
    write("cookbooks/base/recipes/default.rb", "package 'chrony'\n");
    write("cookbooks/app/metadata.rb", "name 'app'\nversion '2.0.0'\n");
    write("cookbooks/app/recipes/default.rb",
          "caches = search(:node, 'role:memcached')\n"
          "db = data_bag_item('app_secrets', 'db')\n"
          "template '/etc/app.conf' do\n  variables(caches: caches, db: db)\nend\n");
    // The directory name is not the cookbook name: the gate must use the metadata.
    write("cookbooks/redis-cookbook/metadata.json", R"({"name": "redis", "version": "4.0.0"})");
    write("cookbooks/redis-cookbook/recipes/default.rb", "package 'redis-server'\n");
    write("cookbooks/redis-cookbook/recipes/tuning.rb", "sysctl 'vm.overcommit_memory'\n");
    write("cookbooks/ops/metadata.rb", "name 'ops'\nversion '0.1.0'\n");
    write("cookbooks/ops/recipes/default.rb",
          "# data_bag('commented_out') is not read\n"
          "admins = data_bag(node['ops']['admins_bag'])\n");
    write("cookbooks/standalone/metadata.rb", "name 'standalone'\nversion '0.1.0'\n");
    write("cookbooks/standalone/recipes/default.rb", "file '/etc/motd'\n");
    write("cookbooks/chefignore", "spec/*\n");

    write("roles/base.json", role("base", R"(["recipe[base]"])"));
    write("roles/memcached.json", role("memcached", R"(["role[base]", "recipe[pd-memcached]"])"));
    write("roles/app.json", role("app", R"(["role[base]", "recipe[app]"])"));
    write("roles/redis.json",
          role("redis", R"(["recipe[redis]"])",
               R"({"production": ["recipe[redis]", "recipe[redis::tuning]"]})"));
    write("roles/ops.json", role("ops", R"(["recipe[ops]"])"));
    write("roles/standalone.rb", "name 'standalone'\nrun_list 'recipe[standalone]'\n");

    write("environments/staging.json", environment("staging", "{}", R"({"tier": "staging"})"));
    write("environments/production.json",
          environment("production", R"({"memcached": "= 1.2.0"})", R"({"tier": "prod"})"));

    write("data_bags/app_secrets/db.json", R"({"id": "db", "password": "x"})");
    write("data_bags/unused/thing.json", R"({"id": "thing"})");
    write("spec/unit/roles.yml", "# unit specs\n");
    write("spec/functional/memcached.yml", "tests: []\n");
    write("README.md", "a chef-repo\n");
  }

 public:
  static std::string role(const std::string& name, const std::string& run_list,
                          const std::string& env_run_lists = "{}",
                          const std::string& default_attributes = "{}") {
    return R"({"name": ")" + name + R"(", "run_list": )" + run_list + R"(, "env_run_lists": )" +
           env_run_lists + R"(, "default_attributes": )" + default_attributes + "}";
  }
  static std::string environment(const std::string& name, const std::string& pins,
                                 const std::string& attributes) {
    return R"({"name": ")" + name + R"(", "cookbook_versions": )" + pins +
           R"(, "default_attributes": )" + attributes + "}";
  }

 private:
  TempDir dir_;
  std::filesystem::path repo_;
};

}  // namespace proofbox::specs::gate::testing
