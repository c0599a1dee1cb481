// Checks on what the Chef server holds about the node (through its ServerView).
#include <algorithm>

#include "check_support.hpp"

namespace proofbox::harness {
namespace {

using std::chrono::milliseconds;

class ServerCheck : public NodeCheck {
 public:
  bool container_side() const override { return false; }

 protected:
  // The node object, or nullopt with `actual` saying why not.
  static std::optional<nlohmann::json> saved_node(const ConvergedNode& node, std::string* actual) {
    if (!node.server) {
      *actual = "no Chef server view for " + node_label(node);
      return std::nullopt;
    }
    auto object = node.server->node(node.node_name);
    if (!object) *actual = "the server has no node " + node_label(node);
    return object;
  }
};

class SavedCheck : public ServerCheck {
 public:
  std::string description() const override { return "was saved to the Chef server"; }
  std::string negated_description() const override { return "was never saved to the Chef server"; }
  Observation observe(const ConvergedNode& node, milliseconds) const override {
    std::string actual;
    auto object = saved_node(node, &actual);
    if (!object) return {false, actual};
    return {true, "the server has node " + node_label(node)};
  }
};

std::string list_text(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

class RunListCheck : public ServerCheck {
 public:
  explicit RunListCheck(::testing::Matcher<const std::vector<std::string>&> m) : m_(std::move(m)) {}
  std::string description() const override {
    return "was saved with a run list that " +
           detail::describe<const std::vector<std::string>&>(m_);
  }
  std::string negated_description() const override {
    return "was saved with a run list that " +
           detail::describe<const std::vector<std::string>&>(m_, true);
  }
  Observation observe(const ConvergedNode& node, milliseconds) const override {
    std::string actual;
    auto object = saved_node(node, &actual);
    if (!object) return {false, actual};
    std::vector<std::string> run_list;
    if (auto it = object->find("run_list"); it != object->end() && it->is_array()) {
      for (const auto& entry : *it) {
        if (entry.is_string()) run_list.push_back(entry.get<std::string>());
      }
    }
    return {detail::matches(m_, run_list),
            "node " + node_label(node) + " has run list " + list_text(run_list)};
  }

 private:
  ::testing::Matcher<const std::vector<std::string>&> m_;
};

class AttributeCheck : public ServerCheck {
 public:
  AttributeCheck(std::string path, ::testing::Matcher<const std::string&> m)
      : path_(std::move(path)), m_(std::move(m)) {}
  std::string description() const override {
    return "has automatic attribute " + path_ + " that " + detail::describe<const std::string&>(m_);
  }
  std::string negated_description() const override {
    return "has automatic attribute " + path_ + " that " +
           detail::describe<const std::string&>(m_, true);
  }
  Observation observe(const ConvergedNode& node, milliseconds) const override {
    std::string actual;
    auto object = saved_node(node, &actual);
    if (!object) return {false, actual};
    const nlohmann::json* at = nullptr;
    if (auto it = object->find("automatic"); it != object->end()) at = &*it;
    std::size_t pos = 0;
    while (at && pos <= path_.size()) {
      std::size_t dot = path_.find('.', pos);
      std::string key = path_.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
      pos = dot == std::string::npos ? path_.size() + 1 : dot + 1;
      if (at->is_object() && at->contains(key)) {
        at = &(*at)[key];
      } else if (at->is_array() && !key.empty() &&
                 key.find_first_not_of("0123456789") == std::string::npos &&
                 std::stoul(key) < at->size()) {
        at = &(*at)[std::stoul(key)];
      } else {
        at = nullptr;
      }
    }
    if (!at) return {false, "node " + node_label(node) + " has no automatic attribute " + path_};
    std::string text = at->is_string() ? at->get<std::string>() : at->dump();
    return {detail::matches(m_, text),
            "node " + node_label(node) + " has automatic " + path_ + " = " + detail::quoted(text)};
  }

 private:
  std::string path_;
  ::testing::Matcher<const std::string&> m_;
};

class SearchCheck : public ServerCheck {
 public:
  // Without `names`, the search must find the node itself.
  SearchCheck(std::string index, std::string query,
              std::optional<::testing::Matcher<const std::vector<std::string>&>> names)
      : index_(std::move(index)), query_(std::move(query)), names_(std::move(names)) {}
  std::string search_text() const { return "search(" + index_ + ", \"" + query_ + "\")"; }
  std::string description() const override {
    if (!names_) return "is found by " + search_text();
    return "is on a server where " + search_text() + " finds names that " +
           detail::describe<const std::vector<std::string>&>(*names_);
  }
  std::string negated_description() const override {
    if (!names_) return "is not found by " + search_text();
    return "is on a server where " + search_text() + " finds names that " +
           detail::describe<const std::vector<std::string>&>(*names_, true);
  }
  Observation observe(const ConvergedNode& node, milliseconds) const override {
    if (!node.server) return {false, "no Chef server view for " + node_label(node)};
    std::vector<std::string> found;
    try {
      found = node.server->search(index_, query_);
    } catch (const std::exception& e) {
      return {false, search_text() + " failed: " + e.what()};
    }
    bool ok = names_ ? detail::matches(*names_, found)
                     : std::find(found.begin(), found.end(), node.node_name) != found.end();
    return {ok, search_text() + " found " + list_text(found)};
  }

 private:
  std::string index_;
  std::string query_;
  std::optional<::testing::Matcher<const std::vector<std::string>&>> names_;
};

}  // namespace

NodeMatcher NodeSaved() {
  return NodeMatcher(std::make_shared<SavedCheck>());
}

NodeMatcher HasRunList(std::vector<std::string> run_list) {
  return HasRunList(::testing::ElementsAreArray(run_list));
}

NodeMatcher HasRunList(::testing::Matcher<const std::vector<std::string>&> run_list) {
  return NodeMatcher(std::make_shared<RunListCheck>(std::move(run_list)));
}

NodeMatcher HasAutomaticAttribute(std::string path, ::testing::Matcher<const std::string&> value) {
  return NodeMatcher(std::make_shared<AttributeCheck>(std::move(path), std::move(value)));
}

NodeMatcher FoundBySearch(std::string index, std::string query) {
  return NodeMatcher(
      std::make_shared<SearchCheck>(std::move(index), std::move(query), std::nullopt));
}

NodeMatcher SearchFinds(std::string index, std::string query,
                        ::testing::Matcher<const std::vector<std::string>&> names) {
  return NodeMatcher(
      std::make_shared<SearchCheck>(std::move(index), std::move(query), std::move(names)));
}

}  // namespace proofbox::harness
