#pragma once
// The repo's non-cookbook objects, one file each, converted to what knife uploads:
//   roles/R.json|rb          role with every field (json_class "Chef::Role", chef_type
//                            "role", description "", attribute maps, run_list,
//                            env_run_lists), run lists normalised ("x" -> "recipe[x]")
//   environments/E.json|rb   environment (json_class "Chef::Environment", chef_type
//                            "environment", cookbook_versions, attribute maps)
//   nodes/N.json|rb          node (chef_environment "_default", the four attribute maps, ...)
//   clients/C.json           client (name and clientname, validator false, json_class
//                            "Chef::ApiClient", chef_type "client"; public_key kept)
//   data_bags/B/I.json       the item as written ("id" filled in when absent); encrypted
//                            items stay verbatim
// The object's name ("id" for items) comes from the file name when the file has none; a
// different one is an error, as knife refuses it. Anything the Chef server would reject is a
// RepoError naming the file.
#include <filesystem>

#include "proofbox/zero/json.hpp"

namespace proofbox::backup::repo {

Json read_role_file(const std::filesystem::path& file);
Json read_environment_file(const std::filesystem::path& file);
Json read_node_file(const std::filesystem::path& file);
Json read_client_file(const std::filesystem::path& file);
Json read_data_bag_item_file(const std::filesystem::path& file);

}  // namespace proofbox::backup::repo
