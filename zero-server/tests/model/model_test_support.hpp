#pragma once
// Shared by the model tests: checking that a call throws the expected ChefError, and small
// helpers for building variants of a JSON body.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "proofbox/zero/chef_error.hpp"
#include "proofbox/zero/json.hpp"

namespace proofbox::zero::model::test_support {

// Expects `f()` to throw a ChefError with exactly this status and message.
template <typename F>
void expect_chef_error(F&& f, int status, const std::string& message) {
  try {
    f();
    ADD_FAILURE() << "expected ChefError(" << status << ", " << message << ")";
  } catch (const ChefError& e) {
    EXPECT_EQ(e.status(), status);
    EXPECT_EQ(e.what(), message);
  }
}

// `body` with `key` set to `value`.
inline Json with(Json body, const std::string& key, Json value) {
  body[key] = std::move(value);
  return body;
}

// `body` without `key`.
inline Json without(Json body, const std::string& key) {
  body.erase(key);
  return body;
}

}  // namespace proofbox::zero::model::test_support
