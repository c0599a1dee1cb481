#pragma once
// Where unit specs live in a chef-repo: spec/unit/*.yml (and .yaml), in name order.
#include <filesystem>
#include <vector>

namespace proofbox::specs {

// The unit spec files of `repo`, sorted by path; empty when the repo has none.
std::vector<std::filesystem::path> find_unit_spec_files(const std::filesystem::path& repo);

}  // namespace proofbox::specs
