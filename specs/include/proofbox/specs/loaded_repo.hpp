#pragma once
// A chef-repo read for unit specs: the same per-file readers as read_chef_repo (so a role or
// environment means here what it means to `proofbox serve --repo`), but a file that does not
// load is recorded (file, line, message) instead of stopping the read, so the lint suite can
// report every broken file at once and the specs can still run on what loaded. Each object
// remembers its file, for file:line messages.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "proofbox/backup/chef_data.hpp"

namespace proofbox::specs {

struct LoadProblem {
  std::filesystem::path file;
  int line = 0;
  std::string message;
};

struct LoadedRepo {
  std::filesystem::path root;
  backup::ChefData data;
  std::vector<LoadProblem> problems;
  // Every file the reader looked at, in reading order ("roles/web.rb" relative to root).
  std::vector<std::filesystem::path> files;
  // kind ("roles", "environments", "nodes", "cookbooks") -> object name -> its file
  std::map<std::string, std::map<std::string, std::filesystem::path>> sources;

  const Json* role(const std::string& name) const;
  const Json* environment(const std::string& name) const;  // null for _default or unknown
  const Json* node(const std::string& name) const;
  // The file an object came from, relative to root when inside it; empty when unknown.
  std::string source_of(const std::string& kind, const std::string& name) const;
  std::string relative(const std::filesystem::path& file) const;
};

// Throws backup::repo::RepoError only when `root` is not a readable directory.
LoadedRepo load_repo(const std::filesystem::path& root);

}  // namespace proofbox::specs
