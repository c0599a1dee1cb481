#pragma once
// Ruby-DSL files of a chef-repo (metadata.rb, roles/*.rb, environments/*.rb, nodes/*.rb) run as
// Ruby in a fresh mruby interpreter, with `self` a DSL object of the matching kind whose
// methods record what the file declares (the DSL classes are in ruby_dsl_prelude.cpp).
//
// What each kind returns:
//   metadata     the full metadata document with Chef's defaults (name null when unset);
//   role         only the fields the file set: name, description, run_list, env_run_lists,
//                default_attributes, override_attributes;
//   environment  only the fields set: name, description, cookbook_versions,
//                default_attributes, override_attributes;
//   node         only the fields set: name, chef_environment, run_list, normal, default,
//                override, automatic, policy_name, policy_group.
// Symbols become strings. A syntax error, an exception (from a DSL method or the file's own
// code) or a value with no JSON form is a RepoError naming the file and line.
#include <filesystem>
#include <string>

#include "proofbox/zero/json.hpp"

namespace proofbox::backup::repo {

enum class DslKind { metadata, role, environment, node };

Json evaluate_ruby_dsl(const std::filesystem::path& file, DslKind kind);

// The same for source text already in memory; `file` names it in errors and __FILE__.
Json evaluate_ruby_dsl_text(const std::filesystem::path& file, const std::string& source,
                            DslKind kind);

}  // namespace proofbox::backup::repo
