#pragma once
// Run lists as the Chef server validates and stores them (oc_erchef chef_regex.erl,
// chef_json_validator.erl, chef_object_base:normalize_run_list).
//
// Valid items (NAME = [A-Za-z0-9_.-]+, VERSION = digits.digits[.digits]):
//   recipe[NAME]  recipe[NAME::NAME]  recipe[NAME@VERSION]  recipe[NAME::NAME@VERSION]
//   role[NAME]                                     (no cookbook prefix, no version)
//   NAME  NAME::NAME  NAME@VERSION  NAME::NAME@VERSION   (bare, taken as a recipe)
// Everything else is invalid: "", "recipe[", "node[x]", "role[x@1.0]", "x@1", non-ASCII.
//
// Normalising qualifies bare recipes ("foo" -> "recipe[foo]") and then removes exact
// duplicates keeping the first; semantic duplicates ("recipe[foo]" and "recipe[foo::default]")
// stay, as on the server.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/json.hpp"

namespace proofbox::zero::model {

enum class RunListItemType { recipe, role };

struct RunListItem {
  RunListItemType type = RunListItemType::recipe;
  // For recipes "cookbook" or "cookbook::recipe", for roles the role name.
  std::string name;
  // Only recipes carry a version ("1.2" or "1.2.3", as written).
  std::optional<std::string> version;

  bool is_recipe() const noexcept { return type == RunListItemType::recipe; }
  bool is_role() const noexcept { return type == RunListItemType::role; }
  // The cookbook of a recipe ("apache2" for "apache2::mod_ssl"); the name for a role.
  std::string_view cookbook() const noexcept;
  // The recipe part, "default" when none is written; empty for roles.
  std::string_view recipe() const noexcept;
  // Canonical text: "recipe[name]", "recipe[name@1.0]", "role[name]".
  std::string to_string() const;

  friend bool operator==(const RunListItem&, const RunListItem&) = default;
};

// Parses one item; nullopt when the server would reject it.
std::optional<RunListItem> parse_run_list_item(std::string_view text);
bool valid_run_list_item(std::string_view text) noexcept;

// The canonical text of a *valid* item: bare recipes gain "recipe[...]", qualified items are
// returned unchanged. Throws ChefError 400 "Field '<field>' is not a valid run list" when the
// item is invalid.
std::string normalize_run_list_item(std::string_view text, std::string_view field = "run_list");

// Validates a run list (a JSON array of strings, possibly empty) and returns it normalised and
// de-duplicated. Throws ChefError 400 "Field '<field>' is not a valid run list" when it is not
// an array, holds a non-string or an invalid item.
Json normalize_run_list(const Json& run_list, std::string_view field = "run_list");

// Parses a run list (validating as normalize_run_list does, same errors) into items, with
// exact duplicates removed.
std::vector<RunListItem> parse_run_list(const Json& run_list, std::string_view field = "run_list");

// Validates a role's env_run_lists (object: environment name -> run list) and returns it with
// every run list normalised. Errors (erchef wording):
//   not an object, or a value not a valid run list -> "Field 'env_run_lists' contains invalid
//   run lists";  a key that is not a valid environment name -> "Invalid key 'K' for
//   env_run_lists".
Json normalize_env_run_lists(const Json& env_run_lists, std::string_view field = "env_run_lists");

// The text inside the brackets of the recipe items and of the role items of a normalised run
// list, in order ("apache2::mod_ssl", "base@1.0", "webserver") — what the server indexes as
// the `recipe` and `role` search fields (erchef chef_node:extract_recipes/extract_roles, which
// keep any @version). Non-string or unqualified entries are skipped.
std::vector<std::string> run_list_recipes(const Json& normalized_run_list);
std::vector<std::string> run_list_roles(const Json& normalized_run_list);

}  // namespace proofbox::zero::model
