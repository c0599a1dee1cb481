#pragma once
// Where the policy endpoints keep their objects, shared by policies*, policy_groups* files:
//   "policies/NAME"   revision id -> revision document; the collection existing is the policy
//                     existing (erchef keeps a policy row even when its last revision is gone)
//   "policy_groups"   group name -> {"policies": {NAME: revision id}}
// Writes that touch more than one object (a PUT that creates policy, revision and group; a
// DELETE that must also drop the group assignments pointing at what it removes) hold
// policy_write_mutex(), so a concurrent DELETE cannot strand a revision or an assignment.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/api/context.hpp"
#include "proofbox/zero/json.hpp"
#include "proofbox/zero/store/collection.hpp"

namespace proofbox::zero::api::policy_storage {

std::mutex& policy_write_mutex();

std::string revisions_kind(std::string_view policy);

// The revisions of `policy`, or null when the policy does not exist.
std::shared_ptr<store::Collection> find_policy(const Context& ctx, std::string_view policy);

// Names of every policy, sorted.
std::vector<std::string> policy_names(const Context& ctx);

store::Collection& groups(const Context& ctx);

// {NAME: revision id} of a stored group document.
Json group_policies(const store::Document& group);

// Removes every group's assignment of `policy` (only those at `revision` when given).
void unassign(const Context& ctx, std::string_view policy,
              std::optional<std::string_view> revision = std::nullopt);

// Removes `group`'s assignment of `policy`; the group itself stays.
void unassign_from_group(const Context& ctx, std::string_view group, std::string_view policy);

// {"uri": ..., "policies": {NAME: {"revision_id": R}}} for one group.
Json group_response(const Context& ctx, std::string_view group, const Json& policies);

// chef-zero's message for a missing object, where erchef answers 404 with no body.
std::string object_not_found(const Context& ctx, std::initializer_list<std::string_view> path);

}  // namespace proofbox::zero::api::policy_storage
