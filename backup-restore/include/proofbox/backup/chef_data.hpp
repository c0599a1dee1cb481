#pragma once
// Everything one Chef organization holds, as plain JSON documents: what a backup reads from a
// server, what a snapshot or a chef-repo decodes to, and what a restore writes. Every source
// (server, snapshot, repo) produces one of these and every sink consumes one, so backup,
// restore, diff and `serve --repo/--snapshot` are all "read a ChefData, write a ChefData".
//
// Documents are kept as the server answers a GET for them with volatile parts removed:
//   nodes, roles, environments    name -> object JSON
//   clients                       name -> client JSON with "public_key" when known
//   users                         name -> user JSON with "public_key" when known
//   data_bags                     bag -> item id -> item JSON (encrypted items stay verbatim)
//   cookbooks                     "NAME-VERSION" -> cookbook version JSON in API v2 form
//                                 ("all_files"), file entries without "url"; its files' bytes
//                                 are in `files` by checksum
//   cookbook_artifacts            "NAME-IDENTIFIER" -> artifact JSON (v2 form, no urls)
//   policies                      "NAME-REVISION" -> policy revision JSON
//   policy_groups                 group -> {"policies": {NAME: {"revision_id": REV}}}
//   files                         lowercase MD5 hex -> the file's raw bytes
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "proofbox/zero/json.hpp"

namespace proofbox::backup {

using Json = proofbox::Json;
using Objects = std::map<std::string, Json>;

// Kind names, used in counts, manifests, plans and diffs. Listed in restore order: what later
// kinds refer to comes first (cookbooks before the roles and policies that name them).
inline constexpr std::string_view kKinds[] = {
    "users",        "clients", "data_bags", "cookbooks",     "cookbook_artifacts",
    "environments", "roles",   "policies",  "policy_groups", "nodes"};

struct ChefData {
  Objects nodes;
  Objects roles;
  Objects environments;
  Objects clients;
  Objects users;
  std::map<std::string, Objects> data_bags;
  Objects cookbooks;
  Objects cookbook_artifacts;
  Objects policies;
  Objects policy_groups;
  std::map<std::string, std::string> files;

  // The kinds this source speaks for. A chef-repo says nothing about users or policies, so a
  // diff or a --purge restore must leave those alone rather than read absence as "delete".
  std::set<std::string> described;

  bool describes(std::string_view kind) const { return described.count(std::string(kind)) > 0; }
  void describe_all();
  // Object count per kind (data_bags counts items; "data_bags_bags" counts bags), and "files".
  std::map<std::string, std::size_t> counts() const;
  // The objects of one kind other than data bags (nullptr for "data_bags" or an unknown kind).
  Objects* objects(std::string_view kind);
  const Objects* objects(std::string_view kind) const;
};

}  // namespace proofbox::backup
