#pragma once
// Where the cookbook_artifacts* endpoints keep artifacts: "cookbook_artifacts/NAME",
// identifier -> the artifact as sent. A name exists while it has an identifier: the DELETE of
// the last one drops the collection. PUT and DELETE hold artifact_write_mutex() so a DELETE
// dropping an emptied collection cannot race a PUT writing into it.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/zero/api/context.hpp"
#include "proofbox/zero/json.hpp"
#include "proofbox/zero/store/collection.hpp"

namespace proofbox::zero::api::artifact_storage {

std::mutex& artifact_write_mutex();

std::string artifacts_kind(std::string_view name);

// The identifiers of `name`, or null when there are none.
std::shared_ptr<store::Collection> find_artifacts(const Context& ctx, std::string_view name);

// Every artifact name with at least one identifier, sorted.
std::vector<std::string> artifact_names(const Context& ctx);

// {"url": URL of NAME, "versions": [{"url": ..., "identifier": ID}]} with identifiers sorted.
Json artifact_listing(const Context& ctx, std::string_view name, const store::Collection& ids);

// erchef's body for a missing artifact or identifier: {"error": ["not_found"]}.
inline constexpr std::string_view kNotFound = "not_found";

}  // namespace proofbox::zero::api::artifact_storage
