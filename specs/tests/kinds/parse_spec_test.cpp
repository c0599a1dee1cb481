// Spec files that do not follow the format fail with the file and line.
#include <gmock/gmock.h>

#include "proofbox/specs/spec_model.hpp"

namespace proofbox::specs {
namespace {

std::string error_of(const std::string& yaml) {
  try {
    parse_spec(yaml, "spec/unit/x.yml");
  } catch (const SpecError& e) {
    return e.what();
  }
  return "(parsed)";
}

TEST(ParseSpec, ErrorsNameFileAndLine) {
  EXPECT_EQ(error_of("expect:\n  - role: web\n    expand_to: [a]\n"),
            "spec/unit/x.yml:3: unknown key `expand_to` in a role expectation (known: it, role, "
            "node, run_list, environment, expands_to, includes, excludes, roles, attributes)");
  EXPECT_EQ(error_of("expect:\n  - {role: web, search: node}\n"),
            "spec/unit/x.yml:2: an expectation has one subject, this one has role and search");
  EXPECT_EQ(error_of("expect:\n  - {role: web}\n"),
            "spec/unit/x.yml:2: nothing to check: give expands_to, includes, excludes, roles or "
            "attributes");
  EXPECT_EQ(error_of("expect:\n  - role: web\n    attributes:\n      - {path: a, level: nope, "
                     "equals: 1}\n"),
            "spec/unit/x.yml:4: unknown level `nope` (environment_default, role_default, default, "
            "normal, role_override, environment_override, override, automatic, merged)");
  EXPECT_EQ(error_of("expect:\n  - {data_bag_item: users}\n"),
            "spec/unit/x.yml:2: `data_bag_item` is BAG/ITEM, not `users`");
  EXPECT_EQ(error_of("expect: [\n"), "spec/unit/x.yml:2: end of sequence flow not found");
  EXPECT_EQ(error_of("description: x\n"), "spec/unit/x.yml:1: a spec file needs an `expect:` list");
}

TEST(ParseSpec, ScalarsAreTypedAsYamlReadsThem) {
  auto spec = parse_spec(
      "expect:\n  - role: r\n    attributes: {a: 8080, b: '8080', c: true, d: ~, e: 1.5, f: x}\n",
      "x.yml");
  const auto& attrs = std::get<ExpansionSpec>(spec.expectations[0].spec).attributes;
  ASSERT_EQ(attrs.size(), 6u);
  EXPECT_EQ(*attrs[0].equals, Json(8080));
  EXPECT_EQ(*attrs[1].equals, Json("8080"));
  EXPECT_EQ(*attrs[2].equals, Json(true));
  EXPECT_EQ(*attrs[3].equals, Json(nullptr));
  EXPECT_EQ(*attrs[4].equals, Json(1.5));
  EXPECT_EQ(*attrs[5].equals, Json("x"));
}

}  // namespace
}  // namespace proofbox::specs
