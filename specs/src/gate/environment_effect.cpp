#include "proofbox/specs/gate/environment_effect.hpp"

#include <set>

namespace proofbox::specs::gate {
namespace {

const Json* find_environment(const RepoGraph& graph, const std::string& name) {
  auto it = graph.data.environments.find(name);
  return it == graph.data.environments.end() ? nullptr : &it->second;
}

Json field(const Json* env, const char* key) {
  if (env == nullptr || !env->contains(key)) return Json::object();
  return (*env)[key];
}

std::string pin_text(const Json& pins, const std::string& cookbook) {
  if (!pins.is_object() || !pins.contains(cookbook)) return "none";
  const Json& pin = pins[cookbook];
  return "'" + (pin.is_string() ? pin.get<std::string>() : pin.dump()) + "'";
}

}  // namespace

EnvironmentEffect environment_effect(const std::string& environment, const RepoGraph& head,
                                     const RepoGraph* base) {
  EnvironmentEffect effect;
  const Json* now = find_environment(head, environment);
  const Json* was = base ? find_environment(*base, environment) : nullptr;
  if (base == nullptr) {
    // Nothing to compare with: every pin and the attributes count as changed.
    const Json pins = field(now, "cookbook_versions");
    for (const auto& [cookbook, pin] : pins.items()) {
      effect.pins[cookbook] = "now " + pin_text(pins, cookbook);
    }
    effect.attributes = true;
    return effect;
  }
  if (now && !was) effect.existence = "added";
  if (!now && was) effect.existence = "deleted";

  const Json pins_now = field(now, "cookbook_versions");
  const Json pins_was = field(was, "cookbook_versions");
  std::set<std::string> cookbooks;
  for (const auto& [cookbook, pin] : pins_now.items()) cookbooks.insert(cookbook);
  for (const auto& [cookbook, pin] : pins_was.items()) cookbooks.insert(cookbook);
  for (const auto& cookbook : cookbooks) {
    const std::string before = pin_text(pins_was, cookbook);
    const std::string after = pin_text(pins_now, cookbook);
    if (before != after) effect.pins[cookbook] = "was " + before + ", now " + after;
  }
  effect.attributes = field(now, "default_attributes") != field(was, "default_attributes") ||
                      field(now, "override_attributes") != field(was, "override_attributes");
  return effect;
}

}  // namespace proofbox::specs::gate
