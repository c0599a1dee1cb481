#pragma once
// Reading an org's cookbooks out of the store (kind "cookbooks/NAME", key "x.y.z", see
// store/org.hpp) and the listing shapes the cookbook endpoints share: /cookbooks,
// /cookbooks/NAME and /environments/E/cookbooks answer {NAME: {"url", "versions": [{"version",
// "url"}...]}} (erchef chef_wm_cookbooks, chef_wm_environment_cookbooks).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/api/context.hpp"
#include "proofbox/zero/json.hpp"
#include "proofbox/zero/model/version.hpp"
#include "proofbox/zero/store/org.hpp"

namespace proofbox::zero::api {

inline constexpr std::string_view kChecksumsKind = "checksums";
inline constexpr std::string_view kSandboxesKind = "sandboxes";

// "cookbooks/NAME"
std::string cookbook_kind(std::string_view name);

// Names of the cookbooks that have at least one version, sorted.
std::vector<std::string> cookbook_names(const store::Org& org);

// The versions of one cookbook, newest first (empty when it has none).
std::vector<model::Version> cookbook_versions(const store::Org& org, std::string_view name);

// The stored document of NAME at `version`, or nullopt.
std::optional<Json> load_cookbook_version(const store::Org& org, std::string_view name,
                                          const model::Version& version);

// "Cannot find a cookbook named NAME"
std::string cookbook_not_found(std::string_view name);
// "Cannot find a cookbook named NAME with version VERSION" (VERSION as the URL wrote it)
std::string cookbook_version_not_found(std::string_view name, std::string_view version);

// URL of /cookbooks/NAME and /cookbooks/NAME/x.y.z.
std::string cookbook_url(const Context& ctx, std::string_view name);
std::string cookbook_version_url(const Context& ctx, std::string_view name,
                                 const model::Version& version);

// {"url": cookbook_url, "versions": [{"version", "url"}...]} for these versions in this order.
Json cookbook_listing_entry(const Context& ctx, std::string_view name,
                            const std::vector<model::Version>& versions);

// The ?num_versions= parameter: a count, or nullopt for "all"; `absent` when not given.
// Throws 400 "You have requested an invalid number of versions (x >= 0 || 'all')" otherwise.
std::optional<std::size_t> num_versions_param(const Context& ctx,
                                              std::optional<std::size_t> absent);

// The first `limit` of `versions` (all when nullopt).
std::vector<model::Version> take_versions(std::vector<model::Version> versions,
                                          std::optional<std::size_t> limit);

}  // namespace proofbox::zero::api
