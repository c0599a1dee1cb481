// search expectations: a query on the file's stubbed indexes returns exactly the given names.
#include <algorithm>

#include "eval.hpp"
#include "proofbox/zero/search/query.hpp"

namespace proofbox::specs::detail {

Verdict check_search(const FileWorld& world, const SearchSpec& spec) {
  Verdict v;
  std::vector<std::string> got;
  try {
    got = world.catalog().query(spec.index, spec.query).ids;
  } catch (const zero::search::QueryError& e) {
    v.fail("search(" + spec.index + ", \"" + spec.query + "\"): " + e.what());
    return v;
  }
  std::vector<std::string> wanted = spec.returns;
  std::sort(wanted.begin(), wanted.end());
  std::sort(got.begin(), got.end());
  if (got != wanted) {
    std::vector<std::string> missing, extra;
    std::set_difference(wanted.begin(), wanted.end(), got.begin(), got.end(),
                        std::back_inserter(missing));
    std::set_difference(got.begin(), got.end(), wanted.begin(), wanted.end(),
                        std::back_inserter(extra));
    std::string message = "search(" + spec.index + ", \"" + spec.query +
                          "\")\n  expected: " + list_text(wanted) +
                          "\n    actual: " + list_text(got);
    if (!missing.empty()) message += "\n   missing: " + list_text(missing);
    if (!extra.empty()) message += "\n  unwanted: " + list_text(extra);
    v.fail(message);
  }
  return v;
}

}  // namespace proofbox::specs::detail
