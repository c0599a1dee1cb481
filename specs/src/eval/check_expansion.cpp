// role / node / run_list expectations: the expanded recipes and roles, and attribute values at
// each precedence level.
#include <regex>

#include "eval.hpp"

namespace proofbox::specs::detail {
namespace {

// The value at `path` (objects by key, arrays by index), or nullptr.
const Json* find_path(const Json& root, const std::vector<std::string>& path) {
  const Json* at = &root;
  for (const auto& part : path) {
    if (at->is_object()) {
      auto it = at->find(part);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array()) {
      if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos) return nullptr;
      const auto index = std::stoul(part);
      if (index >= at->size()) return nullptr;
      at = &(*at)[index];
    } else {
      return nullptr;
    }
  }
  return at;
}

std::string value_text(const Json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

void check_attribute(const AttributeLevels& levels, const AttributeCheck& check, Verdict& v) {
  const Json* level = levels.level(check.level);
  const Json* value = level ? find_path(*level, check.path) : nullptr;
  const std::string where = "attribute " + check.path_text + " (" + check.level + ", line " +
                            std::to_string(check.line) + ")";
  if (check.absent) {
    if (value) v.fail(where + "\n  expected: absent\n    actual: " + value->dump());
    return;
  }
  if (!value) {
    const std::string wanted =
        check.equals ? check.equals->dump() : "matching /" + check.matches.value_or("") + "/";
    v.fail(where + "\n  expected: " + wanted + "\n    actual: (not set)");
    return;
  }
  if (check.equals && *value != *check.equals) {
    v.fail(where + "\n  expected: " + check.equals->dump() + "\n    actual: " + value->dump());
  }
  if (check.matches) {
    bool ok = false;
    try {
      ok = std::regex_search(value_text(*value), std::regex(*check.matches));
    } catch (const std::regex_error& e) {
      v.fail(where + ": bad regular expression /" + *check.matches + "/: " + e.what());
      return;
    }
    if (!ok) {
      v.fail(where + "\n  expected: matching /" + *check.matches +
             "/\n    actual: " + value->dump());
    }
  }
}

std::string bare_recipe(const std::string& item) {
  std::string text = item;
  if (text.starts_with("recipe[") && text.ends_with("]")) text = text.substr(7, text.size() - 8);
  return text;
}

std::string bare_role(const std::string& item) {
  if (item.starts_with("role[") && item.ends_with("]")) return item.substr(5, item.size() - 6);
  return item;
}

}  // namespace

Verdict check_expansion(const FileWorld& world, const ExpansionSpec& spec) {
  Verdict v;
  const auto& ctx = world.context();
  Json run_list = Json::array();
  Json node = nullptr;
  std::string env = spec.environment.value_or("_default");
  switch (spec.subject) {
    case ExpansionSpec::Subject::kRole:
      if (!ctx.repo().role(spec.name)) {
        v.fail("no role '" + spec.name + "' in the repo");
        return v;
      }
      run_list.push_back("role[" + spec.name + "]");
      break;
    case ExpansionSpec::Subject::kNode: {
      const Json* found = world.node(spec.name);
      if (!found) {
        v.fail("no node '" + spec.name + "' (stub it under `nodes:` or add nodes/" + spec.name +
               ".json)");
        return v;
      }
      node = *found;
      run_list = node.value("run_list", Json::array());
      if (!spec.environment) env = node.value("chef_environment", std::string("_default"));
      break;
    }
    case ExpansionSpec::Subject::kRunList:
      run_list = spec.run_list;
      break;
  }
  const Json* environment = ctx.environment(env);
  if (!environment) {
    v.fail("no environment '" + env + "' in the repo");
    return v;
  }
  const Expansion expansion = expand_run_list(run_list, env, ctx.roles());
  for (const auto& missing : expansion.missing_roles) {
    v.fail("role[" + missing + "] is in the run list but there is no such role");
  }
  for (const auto& conflict : expansion.version_conflicts) {
    v.fail("the run list pins one recipe to two versions: " + conflict);
  }
  const auto recipes = expansion.recipe_names();
  if (spec.expands_to) {
    std::vector<std::string> wanted;
    for (const auto& item : *spec.expands_to) wanted.push_back(bare_recipe(item));
    if (wanted != recipes) {
      v.fail("run list\n  expected: " + list_text(wanted) + "\n    actual: " + list_text(recipes));
    }
  }
  for (const auto& item : spec.includes) {
    if (!expansion.includes_recipe(item)) {
      v.fail("run list includes " + bare_recipe(item) + "\n    actual: " + list_text(recipes));
    }
  }
  for (const auto& item : spec.excludes) {
    if (expansion.includes_recipe(item)) {
      v.fail("run list excludes " + bare_recipe(item) + "\n    actual: " + list_text(recipes));
    }
  }
  if (spec.roles) {
    std::vector<std::string> wanted;
    for (const auto& item : *spec.roles) wanted.push_back(bare_role(item));
    if (wanted != expansion.roles) {
      v.fail("roles\n  expected: " + list_text(wanted) +
             "\n    actual: " + list_text(expansion.roles));
    }
  }
  if (!spec.attributes.empty()) {
    const AttributeLevels levels = attribute_levels(expansion, *environment, node);
    for (const auto& check : spec.attributes) check_attribute(levels, check, v);
  }
  return v;
}

}  // namespace proofbox::specs::detail
