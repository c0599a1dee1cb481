#pragma once
// A chef-repo checkout -> ChefData (the shared in-memory form, chef_data.hpp).
//
// Read: cookbooks/ and site-cookbooks/ (both on the cookbook path; one cookbook name in both
// is an error rather than knife's silent merge), roles/, environments/ (.json and Ruby .rb),
// data_bags/BAG/ITEM.json, and when present nodes/ (.json, .rb) and clients/ (.json).
// `described` lists roles, environments, data_bags, cookbooks, plus nodes and clients only
// when their directories exist: a repo says nothing about users, policies or absent kinds.
//
// Every error (bad JSON, Ruby syntax or exception, missing name, invalid object) is a
// RepoError with the file and, where known, the line. Symlinks are followed only inside the
// repo; the ones refused are listed in `skipped` when given.
#include <filesystem>
#include <string>
#include <vector>

#include "proofbox/backup/chef_data.hpp"

namespace proofbox::backup::repo {

ChefData read_chef_repo(const std::filesystem::path& repo,
                        std::vector<std::string>* skipped = nullptr);

}  // namespace proofbox::backup::repo

namespace proofbox::backup {
using repo::read_chef_repo;
}  // namespace proofbox::backup
