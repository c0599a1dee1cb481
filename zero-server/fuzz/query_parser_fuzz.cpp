// libFuzzer target for the search query language: any input either parses or throws
// QueryError, and a parsed query evaluates on a small index without crashing. Invariants
// checked: the total never exceeds the documents, and ids come back sorted and unique.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

#include "proofbox/zero/search/index.hpp"

namespace search = proofbox::zero::search;

namespace {

const search::Index& small_index() {
  static search::Index* idx = [] {
    auto* i = new search::Index();
    i->put("web1", {{"platform", "ubuntu"},
                    {"role", "web"},
                    {"name", "web1"},
                    {"languages_ruby_version", "3.1"},
                    {"languages_ruby", std::nullopt}});
    i->put("db1", {{"platform", "debian"}, {"role", "db"}, {"name", "db1"}, {"path", "/a:b*c"}});
    i->put("app-1", {{"platform", "centos"}, {"version", "7"}, {"name", "app-1"}});
    return i;
  }();
  return *idx;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view q(reinterpret_cast<const char*>(data), size);
  search::QueryNode parsed;
  try {
    parsed = search::parse_query(q);
  } catch (const search::QueryError&) {
    return 0;
  }
  const auto& idx = small_index();
  auto r = idx.query(parsed, "", 0, search::kAllRows);
  if (r.total > idx.size() || r.ids.size() != r.total) std::abort();
  std::set<std::string> seen(r.ids.begin(), r.ids.end());
  if (seen.size() != r.ids.size()) std::abort();
  auto sorted = idx.query(parsed, "platform desc", 1, 1);
  if (sorted.total != r.total) std::abort();
  return 0;
}
