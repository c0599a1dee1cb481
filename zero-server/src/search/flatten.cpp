// JSON document -> search entries (rules in flatten.hpp).
#include "proofbox/zero/search/flatten.hpp"

namespace proofbox::zero::search {
namespace {

class Flattener {
 public:
  explicit Flattener(Entries& out) : out_(out) {}

  // `path` is the full underscore-joined key, `leaf` the last key alone.
  void visit(const std::string& path, const std::string& leaf, const Json& v) {
    switch (v.type()) {
      case Json::value_t::object:
        present(path, leaf);
        for (const auto& [key, child] : v.items()) visit(path + "_" + key, key, child);
        break;
      case Json::value_t::array:
        if (v.empty()) present(path, leaf);
        for (const Json& element : v) visit(path, leaf, element);
        break;
      case Json::value_t::null:
        present(path, leaf);
        break;
      case Json::value_t::string:
        value(path, leaf, v.get_ref<const std::string&>());
        break;
      default:
        value(path, leaf, v.dump());
        break;
    }
  }

 private:
  void present(const std::string& path, const std::string& leaf) {
    out_.push_back({path, std::nullopt});
    if (leaf != path) out_.push_back({leaf, std::nullopt});
  }
  void value(const std::string& path, const std::string& leaf, const std::string& text) {
    out_.push_back({path, text});
    if (leaf != path) out_.push_back({leaf, text});
  }

  Entries& out_;
};

}  // namespace

Entries flatten(const Json& document) {
  Entries out;
  if (!document.is_object()) return out;
  Flattener f(out);
  for (const auto& [key, value] : document.items()) f.visit(key, key, value);
  return out;
}

}  // namespace proofbox::zero::search
