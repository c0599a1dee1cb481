#pragma once
// The list/get/create/update/delete answers most Chef endpoints share (chef-zero's
// RestListEndpoint and RestObjectEndpoint): {name: url} lists, 201 {"uri"} on create, 409 on
// duplicates, 404 "Object not found", rename on PUT, DELETE answering with the deleted object.
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include "proofbox/zero/api/context.hpp"
#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/json.hpp"
#include "proofbox/zero/store/collection.hpp"

namespace proofbox::zero::api {

// Builds the URL of the member `name` of a listed collection.
using MemberUrl = std::function<std::string(std::string_view name)>;

// {"name": "url", ...} for every member.
http::Response list_response(const store::Collection& c, const MemberUrl& url);

// 200 with the stored document, or 404 "Object not found: URL".
http::Response get_response(const store::Collection& c, std::string_view name,
                            const std::string& url);

// The stored document parsed, or ChefError(404) naming the URL.
Json load_object(const store::Collection& c, std::string_view name, const std::string& url);

// Stores `object` under `name`: 201 {"uri": url}, or 409 "Object already exists: URL".
http::Response create_response(store::Collection& c, std::string_view name, const Json& object,
                               const std::string& url);

// Replaces `name` with `object`, renaming to `new_name` when it differs: 200 with the object
// (201 on rename), 404 when missing, 409 when the new name is taken.
http::Response put_response(store::Collection& c, std::string_view name, std::string_view new_name,
                            const Json& object, const std::string& url);

// Removes `name` and answers with what was stored, or 404.
http::Response delete_response(store::Collection& c, std::string_view name, const std::string& url);

// 404 "Object not found: URL" as a ChefError.
ChefError object_not_found(const std::string& url);

}  // namespace proofbox::zero::api
