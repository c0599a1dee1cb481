#pragma once
// Helpers shared by the depsolver tests.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <variant>

#include "proofbox/zero/depsolver/solve.hpp"

namespace proofbox::zero::depsolver::testing {

inline Constraint constraint(std::string_view text) {
  auto c = model::parse_constraint(text, model::ConstraintSyntax::chef_client);
  EXPECT_TRUE(c) << text;
  return c.value_or(model::kAnyVersion);
}

inline Request request(std::vector<std::string> run_list,
                       std::vector<std::pair<std::string, std::string>> pins = {}) {
  Request r;
  r.run_list = std::move(run_list);
  for (auto& [name, text] : pins) r.environment.emplace_back(name, constraint(text));
  return r;
}

// name -> "x.y.z" of a successful result; fails the test on a Failure.
inline std::map<std::string, std::string> solved(const Result& result) {
  std::map<std::string, std::string> out;
  if (const auto* f = std::get_if<Failure>(&result)) {
    ADD_FAILURE() << "expected a solution, got " << f->status << " " << f->body.dump();
    return out;
  }
  for (const auto& c : std::get<Solution>(result).cookbooks) {
    out[c.name] = model::to_string(c.version);
  }
  return out;
}

inline Failure failed(const Result& result) {
  if (const auto* f = std::get_if<Failure>(&result)) return *f;
  ADD_FAILURE() << "expected a failure, got a solution of "
                << std::get<Solution>(result).cookbooks.size() << " cookbooks";
  return Failure{0, Json()};
}

}  // namespace proofbox::zero::depsolver::testing
