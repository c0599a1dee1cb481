#pragma once
// Which body key names an object, and what a PUT whose body names another object does.
//
//   type            name keys (preferred first)   PUT naming another object
//   node            name                          400 "Node name mismatch."
//   role            name                          400 "Role name mismatch."
//   data bag item   id                            400 "DataBagItem name mismatch."
//   environment     name                          rename (201), 409 if the target exists
//   client          name, clientname              rename (201), 409 if the target exists
//   user            name, username                rename (201), 409 if the target exists
//   data bag        name                          (no PUT; 405)
//
// Sources: erchef chef_node/chef_role/chef_data_bag_item validate_*({update, UrlName}),
// chef_wm_malformed url_json_name_mismatch; chef_client:destination_name;
// chef_user:username_from_ejson (prefers "name"); pedant environments/clients specs (rename
// answers 201).
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "proofbox/zero/json.hpp"

namespace proofbox::zero::model {

enum class ObjectType { node, role, environment, client, user, data_bag, data_bag_item };

// The body keys that carry the name, preferred first.
std::span<const std::string_view> identity_keys(ObjectType type) noexcept;

// The label used in "<Label> name mismatch." ("Node", "Role", "DataBagItem", "Environment",
// "Client", "User", "DataBag").
std::string_view type_label(ObjectType type) noexcept;

// True when a PUT may rename an object of this type.
bool put_renames(ObjectType type) noexcept;

// POST: the name a create body gives the object — the first identity key holding a string —
// or nullopt. For clients, "name" and "clientname" must agree when both are strings (else
// 400 "name and clientname must match").
std::optional<std::string> name_from_body(ObjectType type, const Json& body);

// POST: as name_from_body, but throws 400 "Field 'K' missing" (K the first identity key;
// "username" for users, as erchef) when the body names nothing. Does not validate the name's
// characters: the normalisers do.
std::string require_name_from_body(ObjectType type, const Json& body);

// PUT: the name the object has after the update. The URL name when the body names nothing or
// the same object; the body's name when the type renames; otherwise throws
// 400 "<Label> name mismatch.".
std::string put_target_name(ObjectType type, const Json& body, std::string_view url_name);

}  // namespace proofbox::zero::model
