#pragma once
// A chef-repo as the gate sees it: which roles nest which roles and run which recipes (in
// run_list and in every env_run_lists entry), which cookbooks depend on which, where each
// cookbook lives, the Ruby and ERB sources of each cookbook, nodes and their environments, and
// the environments named by functional specs. Read through the repo reader (read_chef_repo),
// so metadata.rb and roles/*.rb mean here what they mean to the server.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "proofbox/backup/chef_data.hpp"
#include "proofbox/zero/model/run_list.hpp"

namespace proofbox::specs::gate {

struct RunListEdge {
  zero::model::RunListItem item;
  std::string environment;  // "" for the role's run_list, else its env_run_lists key
};

struct RoleNode {
  std::vector<RunListEdge> edges;      // run_list first, then env_run_lists by environment name
  std::set<std::string> environments;  // the env_run_lists keys (even with an empty list)
  Json default_attributes = Json::object();
  Json override_attributes = Json::object();
};

struct SourceFile {
  std::string path;  // repo-relative ("cookbooks/memcached/recipes/default.rb")
  std::string text;
};

struct CookbookNode {
  std::string dir;                  // repo-relative directory ("site-cookbooks/pd-memcached")
  std::set<std::string> depends;    // metadata dependencies, by cookbook name
  std::vector<SourceFile> sources;  // *.rb and *.erb files, by path
};

struct NodeEntry {
  std::string environment;
  std::vector<zero::model::RunListItem> run_list;
};

// How the harness converges a role (proofbox.yml `roles: NAME: {environment, run_list}`);
// roles the file does not name converge with run list [role[NAME]] in `_default`.
struct HarnessRole {
  std::string environment = "_default";
  std::vector<zero::model::RunListItem> run_list;  // empty: [role[NAME]]
};

struct RepoGraph {
  backup::ChefData data;  // everything read, for comparing with the other side
  std::map<std::string, RoleNode> roles;
  std::map<std::string, CookbookNode> cookbooks;
  std::map<std::string, NodeEntry> nodes;
  // "cookbooks/DIR" or "site-cookbooks/DIR" -> the cookbook name its metadata gives
  std::map<std::string, std::string> cookbook_dirs;
  // role -> environments its spec/functional/ROLE.yml names (`environment:` or
  // `environments:`), when the file has such keys
  std::map<std::string, std::set<std::string>> functional_spec_environments;
  // proofbox.yml's per-role settings (read leniently: a broken file is the converge
  // command's to report, and changing it selects every role anyway)
  std::map<std::string, HarnessRole> harness_roles;

  // The environment the harness converges `role` in.
  std::string harness_environment(const std::string& role) const;
};

// Reads `repo` (RepoError from the reader on a broken repo).
RepoGraph load_repo_graph(const std::filesystem::path& repo);

// Only the cookbook directory -> name map (cheap: metadata only; never throws — a directory
// whose metadata does not load maps to its own name).
std::map<std::string, std::string> read_cookbook_dirs(const std::filesystem::path& repo);

}  // namespace proofbox::specs::gate
