#include "proofbox/zero/api/cookbook_index.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/model/cookbook.hpp"

namespace proofbox::zero::api {

std::string cookbook_kind(std::string_view name) {
  return "cookbooks/" + std::string(name);
}

std::vector<std::string> cookbook_names(const store::Org& org) {
  std::vector<std::string> out;
  for (std::string& name : org.kinds_with_prefix("cookbooks/")) {
    // A cookbook whose last version was deleted keeps an empty collection (dropping it could
    // lose a version a concurrent PUT is writing); it no longer exists.
    auto versions = org.find(cookbook_kind(name));
    if (versions && versions->size() > 0) out.push_back(std::move(name));
  }
  return out;
}

std::vector<model::Version> cookbook_versions(const store::Org& org, std::string_view name) {
  std::vector<model::Version> out;
  auto versions = org.find(cookbook_kind(name));
  if (!versions) return out;
  for (const std::string& key : versions->names()) {
    if (auto v = model::parse_version(key)) out.push_back(*v);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a > b; });
  return out;
}

std::optional<Json> load_cookbook_version(const store::Org& org, std::string_view name,
                                          const model::Version& version) {
  auto versions = org.find(cookbook_kind(name));
  if (!versions) return std::nullopt;
  store::Document doc = versions->get(model::cookbook_version_key(version));
  if (!doc) return std::nullopt;
  return Json::parse(*doc);
}

std::string cookbook_not_found(std::string_view name) {
  return "Cannot find a cookbook named " + std::string(name);
}

std::string cookbook_version_not_found(std::string_view name, std::string_view version) {
  return cookbook_not_found(name) + " with version " + std::string(version);
}

std::string cookbook_url(const Context& ctx, std::string_view name) {
  return ctx.org_url({"cookbooks", name});
}

std::string cookbook_version_url(const Context& ctx, std::string_view name,
                                 const model::Version& version) {
  return ctx.org_url({"cookbooks", name, model::to_string(version)});
}

Json cookbook_listing_entry(const Context& ctx, std::string_view name,
                            const std::vector<model::Version>& versions) {
  Json list = Json::array();
  for (const model::Version& v : versions) {
    list.push_back(
        Json{{"version", model::to_string(v)}, {"url", cookbook_version_url(ctx, name, v)}});
  }
  return Json{{"url", cookbook_url(ctx, name)}, {"versions", std::move(list)}};
}

std::optional<std::size_t> num_versions_param(const Context& ctx,
                                              std::optional<std::size_t> absent) {
  auto text = ctx.request.query_param("num_versions");
  if (!text) return absent;
  if (*text == "all") return std::nullopt;
  std::string_view digits = *text;
  if (digits.starts_with('+')) digits.remove_prefix(1);
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (digits.empty() || end != digits.data() + digits.size() ||
      (ec != std::errc() && ec != std::errc::result_out_of_range)) {
    throw ChefError(400, "You have requested an invalid number of versions (x >= 0 || 'all')");
  }
  if (ec == std::errc::result_out_of_range) n = std::numeric_limits<std::size_t>::max();
  return n;
}

std::vector<model::Version> take_versions(std::vector<model::Version> versions,
                                          std::optional<std::size_t> limit) {
  if (limit && versions.size() > *limit) versions.resize(*limit);
  return versions;
}

}  // namespace proofbox::zero::api
