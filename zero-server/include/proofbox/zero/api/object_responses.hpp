#pragma once
// The {name: url} listing most Chef collection endpoints answer GET with. The per-object answers
// (create, read, update, delete) live in named_objects.hpp with each endpoint's own messages.
#include <functional>
#include <string>
#include <string_view>

#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/store/collection.hpp"

namespace proofbox::zero::api {

// Builds the URL of the member `name` of a listed collection.
using MemberUrl = std::function<std::string(std::string_view name)>;

// {"name": "url", ...} for every member.
http::Response list_response(const store::Collection& c, const MemberUrl& url);

}  // namespace proofbox::zero::api
