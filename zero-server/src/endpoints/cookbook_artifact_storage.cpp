#include "cookbook_artifact_storage.hpp"

namespace proofbox::zero::api::artifact_storage {

std::mutex& artifact_write_mutex() {
  static std::mutex mu;
  return mu;
}

std::string artifacts_kind(std::string_view name) {
  return "cookbook_artifacts/" + std::string(name);
}

std::shared_ptr<store::Collection> find_artifacts(const Context& ctx, std::string_view name) {
  auto ids = ctx.org->find(artifacts_kind(name));
  return ids && ids->size() > 0 ? ids : nullptr;
}

std::vector<std::string> artifact_names(const Context& ctx) {
  std::vector<std::string> out;
  for (std::string& name : ctx.org->kinds_with_prefix("cookbook_artifacts/")) {
    if (find_artifacts(ctx, name)) out.push_back(std::move(name));
  }
  return out;
}

Json artifact_listing(const Context& ctx, std::string_view name, const store::Collection& ids) {
  Json versions = Json::array();
  for (const std::string& id : ids.names()) {
    versions.push_back(
        Json{{"url", ctx.org_url({"cookbook_artifacts", name, id})}, {"identifier", id}});
  }
  return Json{{"url", ctx.org_url({"cookbook_artifacts", name})}, {"versions", versions}};
}

}  // namespace proofbox::zero::api::artifact_storage
