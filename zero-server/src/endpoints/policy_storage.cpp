#include "policy_storage.hpp"

namespace proofbox::zero::api::policy_storage {

std::mutex& policy_write_mutex() {
  static std::mutex mu;
  return mu;
}

std::string revisions_kind(std::string_view policy) {
  return "policies/" + std::string(policy);
}

std::shared_ptr<store::Collection> find_policy(const Context& ctx, std::string_view policy) {
  return ctx.org->find(revisions_kind(policy));
}

std::vector<std::string> policy_names(const Context& ctx) {
  return ctx.org->kinds_with_prefix("policies/");
}

store::Collection& groups(const Context& ctx) {
  return *ctx.org->collection("policy_groups");
}

Json group_policies(const store::Document& group) {
  if (!group) return Json::object();
  Json doc = Json::parse(*group);
  auto it = doc.find("policies");
  return it != doc.end() && it->is_object() ? *it : Json::object();
}

void unassign(const Context& ctx, std::string_view policy,
              std::optional<std::string_view> revision) {
  store::Collection& all = groups(ctx);
  for (const std::string& group : all.names()) {
    all.update(group, [&](const store::Document& current) -> store::Document {
      if (!current) return current;
      Json policies = group_policies(current);
      auto it = policies.find(policy);
      if (it == policies.end() || (revision && *it != *revision)) return current;
      policies.erase(it);
      return store::make_document(Json{{"policies", policies}}.dump());
    });
  }
}

void unassign_from_group(const Context& ctx, std::string_view group, std::string_view policy) {
  groups(ctx).update(group, [&](const store::Document& current) -> store::Document {
    if (!current) return current;
    Json policies = group_policies(current);
    if (policies.erase(std::string(policy)) == 0) return current;
    return store::make_document(Json{{"policies", policies}}.dump());
  });
}

Json group_response(const Context& ctx, std::string_view group, const Json& policies) {
  Json out{{"uri", ctx.org_url({"policy_groups", group})}, {"policies", Json::object()}};
  for (const auto& [name, revision] : policies.items()) {
    out["policies"][name] = Json{{"revision_id", revision}};
  }
  return out;
}

std::string object_not_found(const Context& ctx, std::initializer_list<std::string_view> path) {
  return "Object not found: " + ctx.org_url(path);
}

}  // namespace proofbox::zero::api::policy_storage
