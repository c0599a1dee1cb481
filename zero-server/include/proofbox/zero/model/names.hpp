#pragma once
// Object names as the Chef server accepts them (oc_erchef chef_regex.erl and the
// organization regex of oc_chef_organization). All rules are ASCII-only and anchored:
//
//   node, role, data bag, data bag item id, key   [A-Za-z0-9_.:-]+
//   environment, cookbook, client                 [A-Za-z0-9_.-]+        (no ':')
//   user                                          [a-z0-9_-]+            (lower case, no '.')
//   policy name, policy group                     [A-Za-z0-9_.:-]{1,255}
//   organization                                  [a-z0-9][a-z0-9_-]{0,254}
//
// The real server stores names in PostgreSQL `text` columns, so apart from the policy and
// organization rules there is no length limit; none is invented here.
#include <cstddef>
#include <string_view>

namespace proofbox::zero::model {

enum class NameKind {
  node,
  role,
  environment,
  client,
  data_bag,
  data_bag_item,
  user,
  cookbook,
  key,
  policy,
  policy_group,
  organization,
};

// True when `name` is a valid name of that kind.
bool valid_name(NameKind kind, std::string_view name) noexcept;

// Throws ChefError 400 when `name` is invalid. The message is the server's for that kind:
// "Field '<field>' invalid" for all kinds except clients, whose message is
// "Invalid client name '<name>' using regex: 'Malformed client name.  Must be A-Z, a-z, 0-9,
// _, -, or .'." exactly as erchef answers it.
void require_valid_name(NameKind kind, std::string_view name, std::string_view field = "name");

// The server's description of the rule ("Malformed node name.  Must only contain A-Z, a-z,
// 0-9, _, :, ., or -" ...), for messages that quote it.
std::string_view name_rule_message(NameKind kind) noexcept;

// The longest name allowed, or 0 when unlimited.
std::size_t max_name_length(NameKind kind) noexcept;

}  // namespace proofbox::zero::model
