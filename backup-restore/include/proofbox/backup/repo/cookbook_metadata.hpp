#pragma once
// Cookbook metadata as knife uploads it (Chef::Cookbook::Metadata#to_h): name, description,
// long_description, maintainer, maintainer_email, license, platforms, dependencies, providing,
// recipes, version ("x.y.z"), source_url, issues_url, privacy, chef_versions, ohai_versions,
// gems, eager_load_libraries — every field present, Chef's defaults where the cookbook says
// nothing.
#include <filesystem>
#include <string>
#include <vector>

#include "proofbox/zero/json.hpp"

namespace proofbox::backup::repo {

// Chef's defaults (name null, license "All rights reserved", version "0.0.0", ...).
Json default_metadata();

// metadata.rb, evaluated through the Ruby DSL.
Json metadata_from_ruby(const std::filesystem::path& file);

// A parsed metadata.json: the fields above are taken (type-checked, version normalised to
// "x.y.z", a list-valued dependency reduced to its first constraint) and the rest dropped,
// as Chef::Cookbook::Metadata#from_hash does; missing fields get the defaults.
Json metadata_from_json(const Json& document, const std::filesystem::path& file);

// What CookbookVersion#metadata= adds for the recipes/*.rb files (given by file stem): each
// recipe ("NAME" for default.rb, else "NAME::STEM") is listed in "recipes" (keeping a
// description set with `recipe`) and in "providing" with ">= 0.0.0".
void add_recipes(Json& metadata, const std::vector<std::string>& recipe_stems);

}  // namespace proofbox::backup::repo
