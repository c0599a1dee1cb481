#include "proofbox/zero/api/object_responses.hpp"

#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::api {

ChefError object_not_found(const std::string& url) {
  return not_found("Object not found: " + url);
}

http::Response list_response(const store::Collection& c, const MemberUrl& url) {
  Json out = Json::object();
  for (const std::string& name : c.names()) out[name] = url(name);
  return http::Response::json(200, out);
}

http::Response get_response(const store::Collection& c, std::string_view name,
                            const std::string& url) {
  store::Document doc = c.get(name);
  if (!doc) throw object_not_found(url);
  http::Response r;
  r.body = *doc;
  return r;
}

Json load_object(const store::Collection& c, std::string_view name, const std::string& url) {
  store::Document doc = c.get(name);
  if (!doc) throw object_not_found(url);
  return Json::parse(*doc);
}

http::Response create_response(store::Collection& c, std::string_view name, const Json& object,
                               const std::string& url) {
  if (!c.create(name, store::make_document(object.dump()))) {
    throw conflict("Object already exists: " + url);
  }
  return http::Response::json(201, Json{{"uri", url}});
}

http::Response put_response(store::Collection& c, std::string_view name, std::string_view new_name,
                            const Json& object, const std::string& url) {
  std::string text = object.dump();
  if (new_name == name) {
    if (!c.replace(name, store::make_document(text))) throw object_not_found(url);
    http::Response r;
    r.body = std::move(text);
    return r;
  }
  switch (c.rename(name, new_name, store::make_document(text))) {
    case store::RenameResult::kMissing:
      throw object_not_found(url);
    case store::RenameResult::kTaken:
      throw conflict("Cannot rename '" + std::string(name) + "' to '" + std::string(new_name) +
                     "': '" + std::string(new_name) + "' already exists");
    case store::RenameResult::kOk:
      break;
  }
  http::Response r;
  r.status = 201;
  r.body = std::move(text);
  return r;
}

http::Response delete_response(store::Collection& c, std::string_view name,
                               const std::string& url) {
  store::Document doc = c.erase(name);
  if (!doc) throw object_not_found(url);
  http::Response r;
  r.body = *doc;
  return r;
}

}  // namespace proofbox::zero::api
