#pragma once
// Whether a body creates an object (POST to the collection) or updates one (PUT to its URL).
// Several rules differ: on update the URL names the object, a body without a name takes the
// URL's, and a body naming another object is a rename or a "name mismatch" by type.
#include <string>
#include <string_view>

namespace proofbox::zero::model {

struct Action {
  enum class Kind { create, update };

  Kind kind = Kind::create;
  // The name in the URL (update only).
  std::string url_name;

  static Action create() { return Action{}; }
  static Action update(std::string_view url_name) {
    return Action{Kind::update, std::string(url_name)};
  }

  bool is_create() const noexcept { return kind == Kind::create; }
  bool is_update() const noexcept { return kind == Kind::update; }
};

}  // namespace proofbox::zero::model
