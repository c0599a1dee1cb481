#include "proofbox/zero/api/named_objects.hpp"

#include "proofbox/zero/chef_error.hpp"

namespace proofbox::zero::api {

Json parse_body(const Context& ctx) {
  Json body = Json::parse(ctx.request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) throw bad_request("invalid JSON");
  return body;
}

http::Response get_named(const store::Collection& c, std::string_view name,
                         std::string_view not_found) {
  store::Document doc = c.get(name);
  if (!doc) throw ChefError(404, std::string(not_found));
  http::Response r;
  r.body = *doc;
  return r;
}

Json load_named(const store::Collection& c, std::string_view name, std::string_view not_found) {
  store::Document doc = c.get(name);
  if (!doc) throw ChefError(404, std::string(not_found));
  return Json::parse(*doc);
}

void create_named(store::Collection& c, std::string_view name, const Json& object,
                  std::string_view conflict) {
  if (!c.create(name, store::make_document(object.dump()))) {
    throw ChefError(409, std::string(conflict));
  }
}

http::Response created(const std::string& url) {
  return http::Response::json(201, Json{{"uri", url}});
}

bool update_named(store::Collection& c, std::string_view name, std::string_view new_name,
                  const Json& object, std::string_view not_found, std::string_view conflict) {
  store::Document doc = store::make_document(object.dump());
  if (new_name == name) {
    if (!c.replace(name, std::move(doc))) throw ChefError(404, std::string(not_found));
    return false;
  }
  switch (c.rename(name, new_name, std::move(doc))) {
    case store::RenameResult::kMissing:
      throw ChefError(404, std::string(not_found));
    case store::RenameResult::kTaken:
      throw ChefError(409, std::string(conflict));
    case store::RenameResult::kOk:
      break;
  }
  return true;
}

Json erase_named(store::Collection& c, std::string_view name, std::string_view not_found) {
  store::Document doc = c.erase(name);
  if (!doc) throw ChefError(404, std::string(not_found));
  return Json::parse(*doc);
}

}  // namespace proofbox::zero::api
