// YAML spec files -> SpecFile. Strict: unknown keys, wrong types and expectations with no or
// two subjects are errors with the line, so a typo never turns into a check that is skipped.
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "proofbox/specs/spec_model.hpp"
#include "yaml_json.hpp"

namespace proofbox::specs {
namespace {

class Parser {
 public:
  explicit Parser(std::string display) : file_(std::move(display)) {}

  SpecFile parse(const std::string& text) {
    YAML::Node root;
    try {
      root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
      throw SpecError(file_, e.mark.line + 1, e.msg);
    }
    SpecFile out;
    out.file = file_;
    if (root.IsNull()) return out;
    require_map(root, "a spec file");
    check_keys(root, {"description", "nodes", "data_bags", "expect"}, "a spec file");
    if (root["description"]) out.description = scalar(root["description"], "description");
    if (auto nodes = root["nodes"]) parse_nodes(nodes, out);
    if (auto bags = root["data_bags"]) parse_data_bags(bags, out);
    auto expect = root["expect"];
    if (!expect) throw SpecError(file_, line(root), "a spec file needs an `expect:` list");
    require_seq(expect, "expect");
    for (const auto& item : expect) out.expectations.push_back(parse_expectation(item));
    return out;
  }

 private:
  [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
    throw SpecError(file_, line(at), message);
  }
  static int line(const YAML::Node& node) { return node.Mark().line + 1; }

  void require_map(const YAML::Node& node, const std::string& what) const {
    if (!node.IsMap()) fail(node, what + " must be a mapping");
  }
  void require_seq(const YAML::Node& node, const std::string& what) const {
    if (!node.IsSequence()) fail(node, "`" + what + "` must be a list");
  }
  std::string scalar(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) fail(node, "`" + what + "` must be a single value");
    return node.Scalar();
  }
  std::vector<std::string> strings(const YAML::Node& node, const std::string& what) const {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());
      return out;
    }
    require_seq(node, what);
    for (const auto& item : node) out.push_back(scalar(item, what));
    return out;
  }
  void check_keys(const YAML::Node& map, std::initializer_list<const char*> allowed,
                  const std::string& what) const {
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      bool known = false;
      std::string list;
      for (const char* a : allowed) {
        known = known || key == a;
        list += list.empty() ? a : std::string(", ") + a;
      }
      if (!known) fail(kv.first, "unknown key `" + key + "` in " + what + " (known: " + list + ")");
    }
  }

  void parse_nodes(const YAML::Node& nodes, SpecFile& out) const {
    require_seq(nodes, "nodes");
    for (const auto& entry : nodes) {
      StubNode stub;
      stub.line = line(entry);
      if (entry.IsScalar()) {
        const std::string name = entry.Scalar();
        stub.from_repo = name == "nodes/*" ? "*" : name;
      } else {
        require_map(entry, "a stub node");
        check_keys(entry,
                   {"name", "environment", "chef_environment", "run_list", "normal", "default",
                    "override", "automatic"},
                   "a stub node");
        if (!entry["name"]) fail(entry, "a stub node needs a `name`");
        Json node = Json::object();
        node["name"] = scalar(entry["name"], "name");
        node["chef_environment"] = "_default";
        for (const char* env_key : {"environment", "chef_environment"}) {
          if (entry[env_key]) node["chef_environment"] = scalar(entry[env_key], env_key);
        }
        node["run_list"] = Json::array();
        if (entry["run_list"]) {
          for (auto& item : strings(entry["run_list"], "run_list"))
            node["run_list"].push_back(item);
        }
        for (const char* level : {"normal", "default", "override", "automatic"}) {
          node[level] = Json::object();
          if (auto attrs = entry[level]) {
            require_map(attrs, std::string("`") + level + "`");
            node[level] = yaml_to_json(attrs);
          }
        }
        stub.node = std::move(node);
      }
      out.nodes.push_back(std::move(stub));
    }
  }

  void parse_data_bags(const YAML::Node& bags, SpecFile& out) const {
    require_map(bags, "`data_bags`");
    for (const auto& kv : bags) {
      const std::string bag = kv.first.Scalar();
      require_seq(kv.second, "data_bags: " + bag);
      auto& items = out.data_bags[bag];
      for (const auto& item : kv.second) {
        require_map(item, "a stub data bag item");
        Json json = yaml_to_json(item);
        if (!json.contains("id") || !json["id"].is_string()) {
          fail(item, "a stub data bag item needs a string `id`");
        }
        items.push_back(std::move(json));
      }
    }
  }

  Expectation parse_expectation(const YAML::Node& node) const {
    require_map(node, "an expectation");
    Expectation out;
    out.line = line(node);
    std::vector<std::string> subjects;
    for (const char* s : {"role", "node", "run_list", "solve", "search", "data_bag_item"}) {
      if (node[s]) subjects.push_back(s);
    }
    if (subjects.size() != 1) {
      fail(node, subjects.empty()
                     ? "an expectation needs one subject: role, node, run_list, solve, search or "
                       "data_bag_item"
                     : "an expectation has one subject, this one has " + subjects[0] + " and " +
                           subjects[1]);
    }
    const std::string& subject = subjects[0];
    if (subject == "solve") {
      out.spec = parse_solve(node);
    } else if (subject == "search") {
      out.spec = parse_search(node);
    } else if (subject == "data_bag_item") {
      out.spec = parse_data_bag_item(node);
    } else {
      out.spec = parse_expansion(node, subject);
    }
    if (node["it"]) out.name = scalar(node["it"], "it");
    return out;
  }

  ExpansionSpec parse_expansion(const YAML::Node& node, const std::string& subject) const {
    check_keys(node,
               {"it", "role", "node", "run_list", "environment", "expands_to", "includes",
                "excludes", "roles", "attributes"},
               "a " + subject + " expectation");
    ExpansionSpec spec;
    if (subject == "role") {
      spec.subject = ExpansionSpec::Subject::kRole;
      spec.name = scalar(node["role"], "role");
    } else if (subject == "node") {
      spec.subject = ExpansionSpec::Subject::kNode;
      spec.name = scalar(node["node"], "node");
    } else {
      spec.subject = ExpansionSpec::Subject::kRunList;
      for (auto& item : strings(node["run_list"], "run_list")) spec.run_list.push_back(item);
    }
    if (node["environment"]) spec.environment = scalar(node["environment"], "environment");
    if (node["expands_to"]) spec.expands_to = strings(node["expands_to"], "expands_to");
    if (node["includes"]) spec.includes = strings(node["includes"], "includes");
    if (node["excludes"]) spec.excludes = strings(node["excludes"], "excludes");
    if (node["roles"]) spec.roles = strings(node["roles"], "roles");
    if (auto attrs = node["attributes"]) spec.attributes = parse_attributes(attrs);
    if (!spec.expands_to && spec.includes.empty() && spec.excludes.empty() && !spec.roles &&
        spec.attributes.empty()) {
      fail(node, "nothing to check: give expands_to, includes, excludes, roles or attributes");
    }
    return spec;
  }

  std::vector<AttributeCheck> parse_attributes(const YAML::Node& attrs) const {
    std::vector<AttributeCheck> out;
    if (attrs.IsMap()) {  // shorthand: {path: value} checks equality of the merged value
      for (const auto& kv : attrs) {
        AttributeCheck check;
        check.line = line(kv.first);
        set_path(check, kv.first);
        check.equals = yaml_to_json(kv.second);
        out.push_back(std::move(check));
      }
      return out;
    }
    require_seq(attrs, "attributes");
    for (const auto& item : attrs) {
      require_map(item, "an attribute check");
      check_keys(item, {"path", "level", "equals", "matches", "absent"}, "an attribute check");
      AttributeCheck check;
      check.line = line(item);
      if (!item["path"]) fail(item, "an attribute check needs a `path`");
      set_path(check, item["path"]);
      if (item["level"]) {
        check.level = scalar(item["level"], "level");
        static const std::set<std::string> kLevels = {
            "environment_default",  "role_default", "default",   "normal", "role_override",
            "environment_override", "override",     "automatic", "merged"};
        if (!kLevels.count(check.level)) {
          fail(item["level"], "unknown level `" + check.level +
                                  "` (environment_default, role_default, default, normal, "
                                  "role_override, environment_override, override, automatic, "
                                  "merged)");
        }
      }
      int given = 0;
      if (item["equals"]) {
        check.equals = yaml_to_json(item["equals"]);
        ++given;
      }
      if (item["matches"]) {
        check.matches = scalar(item["matches"], "matches");
        ++given;
      }
      if (item["absent"]) {
        check.absent = item["absent"].as<bool>(false);
        if (!check.absent) fail(item["absent"], "`absent` can only be true");
        ++given;
      }
      if (given != 1) fail(item, "an attribute check needs exactly one of equals, matches, absent");
      out.push_back(std::move(check));
    }
    return out;
  }

  void set_path(AttributeCheck& check, const YAML::Node& path) const {
    if (path.IsSequence()) {
      check.path = strings(path, "path");
      for (const auto& p : check.path) check.path_text += (check.path_text.empty() ? "" : ".") + p;
    } else {
      check.path_text = scalar(path, "path");
      std::stringstream in(check.path_text);
      std::string part;
      while (std::getline(in, part, '.')) check.path.push_back(part);
    }
    if (check.path.empty()) fail(path, "an empty attribute path");
  }

  SolveSpec parse_solve(const YAML::Node& node) const {
    check_keys(node, {"it", "solve", "environment", "environments", "versions", "fails"},
               "a solve expectation");
    SolveSpec spec;
    const auto target = node["solve"];
    if (target.IsSequence()) {
      spec.target = SolveSpec::Target::kRunList;
      for (auto& item : strings(target, "solve")) spec.run_list.push_back(item);
    } else {
      const std::string text = scalar(target, "solve");
      if (text == "all_roles") {
        spec.target = SolveSpec::Target::kAllRoles;
      } else if (text.starts_with("role[") && text.ends_with("]")) {
        spec.role = text.substr(5, text.size() - 6);
      } else {
        spec.target = SolveSpec::Target::kRunList;
        spec.run_list.push_back(text);
      }
    }
    if (node["environment"] && node["environments"]) {
      fail(node, "give `environment` or `environments`, not both");
    }
    if (node["environment"])
      spec.environments.push_back(scalar(node["environment"], "environment"));
    if (node["environments"]) spec.environments = strings(node["environments"], "environments");
    if (spec.environments.size() == 1 && spec.environments[0] == "*") spec.environments.clear();
    if (auto versions = node["versions"]) {
      require_map(versions, "`versions`");
      for (const auto& kv : versions)
        spec.versions[kv.first.Scalar()] = scalar(kv.second, "versions");
    }
    if (node["fails"]) spec.fails = node["fails"].as<bool>(false);
    if (spec.fails && !spec.versions.empty()) fail(node, "`fails: true` cannot check versions");
    return spec;
  }

  SearchSpec parse_search(const YAML::Node& node) const {
    check_keys(node, {"it", "search", "query", "returns"}, "a search expectation");
    SearchSpec spec;
    spec.index = scalar(node["search"], "search");
    if (!node["query"]) fail(node, "a search expectation needs a `query`");
    spec.query = scalar(node["query"], "query");
    if (!node["returns"]) fail(node, "a search expectation needs `returns` (a list, maybe [])");
    spec.returns = strings(node["returns"], "returns");
    return spec;
  }

  DataBagItemSpec parse_data_bag_item(const YAML::Node& node) const {
    check_keys(node, {"it", "data_bag_item", "has_keys", "encrypted"},
               "a data_bag_item expectation");
    DataBagItemSpec spec;
    const std::string text = scalar(node["data_bag_item"], "data_bag_item");
    const auto slash = text.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) {
      fail(node["data_bag_item"], "`data_bag_item` is BAG/ITEM, not `" + text + "`");
    }
    spec.bag = text.substr(0, slash);
    spec.item = text.substr(slash + 1);
    if (node["has_keys"]) spec.has_keys = strings(node["has_keys"], "has_keys");
    if (auto enc = node["encrypted"]) {
      require_map(enc, "`encrypted`");
      check_keys(enc, {"secret_file", "format", "keys"}, "`encrypted`");
      spec.encrypted = true;
      if (!enc["secret_file"]) fail(enc, "`encrypted` needs a `secret_file`");
      spec.secret_file = scalar(enc["secret_file"], "secret_file");
      if (enc["format"]) {
        spec.format = enc["format"].as<int>(0);
        if (*spec.format < 1 || *spec.format > 3) fail(enc["format"], "`format` is 1, 2 or 3");
      }
      if (enc["keys"]) spec.decrypted_keys = strings(enc["keys"], "keys");
    }
    return spec;
  }

  std::string file_;
};

}  // namespace

SpecFile parse_spec(const std::string& text, const std::string& display) {
  return Parser(display).parse(text);
}

SpecFile parse_spec_file(const std::filesystem::path& file, const std::string& display) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw SpecError(display, 0, "cannot read the file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_spec(buffer.str(), display);
}

}  // namespace proofbox::specs
