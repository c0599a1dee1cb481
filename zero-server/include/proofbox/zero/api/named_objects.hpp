#pragma once
// Store operations for the endpoints whose failures the real Chef server words per object type
// (erchef: "node 'N' not found", "Cannot load role R", "Role already exists", ...), where
// object_responses.hpp answers with chef-zero's generic "Object not found: URL". Each call
// takes the exact message to throw, so an endpoint states its wording next to its routes.
#include <string>
#include <string_view>

#include "proofbox/zero/api/context.hpp"
#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/json.hpp"
#include "proofbox/zero/store/collection.hpp"

namespace proofbox::zero::api {

// The request body parsed as JSON of any type: the model's normalisers reject a non-object
// with the server's "Incorrect JSON type for request body". Throws 400 "invalid JSON" (erchef
// chef_wm_malformed) when it does not parse.
Json parse_body(const Context& ctx);

// 200 with the stored text, or ChefError(404, not_found).
http::Response get_named(const store::Collection& c, std::string_view name,
                         std::string_view not_found);

// The stored document parsed, or ChefError(404, not_found).
Json load_named(const store::Collection& c, std::string_view name, std::string_view not_found);

// Stores a new object, or throws ChefError(409, conflict) when the name is taken.
void create_named(store::Collection& c, std::string_view name, const Json& object,
                  std::string_view conflict);

// 201 {"uri": url}: the answer to a successful create.
http::Response created(const std::string& url);

// Replaces `name` with `object`, moving it to `new_name` when that differs (atomically).
// Throws ChefError(404, not_found) when `name` is absent and ChefError(409, conflict) when
// `new_name` is taken. Returns true when the object was renamed.
bool update_named(store::Collection& c, std::string_view name, std::string_view new_name,
                  const Json& object, std::string_view not_found, std::string_view conflict);

// Removes `name` and returns what was stored, or throws ChefError(404, not_found).
Json erase_named(store::Collection& c, std::string_view name, std::string_view not_found);

}  // namespace proofbox::zero::api
