#pragma once
// Nodes (erchef chef_node.erl, pedant nodes spec).
//
// normalize_node validates a POST/PUT body and returns the document to store and to answer
// GET with:
//   * absent fields are filled: chef_environment "_default", json_class "Chef::Node",
//     chef_type "node", normal/default/override/automatic {}, run_list [];
//   * on update the URL names the node: a body without "name" takes it, a body with another
//     name is 400 "Node name mismatch." (nodes are never renamed);
//   * allowed keys are name, chef_environment, json_class, chef_type, normal, default,
//     override, automatic, run_list, policy_name, policy_group — any other is
//     400 "Invalid key K in request body";
//   * then, in this order: name (missing -> "Field 'name' missing", bad -> "Field 'name'
//     invalid"), chef_environment (an environment name), json_class == "Chef::Node",
//     chef_type == "node" ("Field 'F' invalid"), the four attribute maps ("Field 'F' is not a
//     hash"), run_list ("Field 'run_list' is not a valid run list"), policy_name and
//     policy_group (optional, [A-Za-z0-9_.:-]{1,255}, "Field 'F' invalid");
//   * run_list is normalised (bare recipes qualified, exact duplicates removed).
// A body that is not a JSON object is 400 "Incorrect JSON type for request body".
#include <string_view>

#include "proofbox/zero/json.hpp"
#include "proofbox/zero/model/action.hpp"

namespace proofbox::zero::model {

Json normalize_node(Json body, const Action& action);

// A minimal valid node named `name` (all defaults), e.g. for a client that registers.
Json new_node(std::string_view name);

}  // namespace proofbox::zero::model
