#include "proofbox/zero/api/object_responses.hpp"

#include "proofbox/zero/json.hpp"

namespace proofbox::zero::api {

http::Response list_response(const store::Collection& c, const MemberUrl& url) {
  Json out = Json::object();
  for (const std::string& name : c.names()) out[name] = url(name);
  return http::Response::json(200, out);
}

}  // namespace proofbox::zero::api
