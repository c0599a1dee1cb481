#include "proofbox/specs/gate/selection.hpp"

#include <map>
#include <optional>
#include <set>

#include "proofbox/specs/gate/data_bag_refs.hpp"
#include "proofbox/specs/gate/environment_effect.hpp"
#include "proofbox/specs/gate/reach.hpp"

namespace proofbox::specs::gate {
namespace {

std::string with_chain(const std::string& head, const std::string& chain) {
  return chain.empty() ? head : head + "; " + chain;
}

bool json_holds_string(const Json& value, const std::string& text) {
  if (value.is_string()) return value.get<std::string>() == text;
  if (value.is_object() || value.is_array()) {
    for (const auto& child : value) {
      if (json_holds_string(child, text)) return true;
    }
  }
  return false;
}

class Selector {
 public:
  Selector(const RepoGraph& head, const RepoGraph* base) : head_(head), base_(base) {
    for (const auto& [name, role] : head.roles) reaches_.emplace(name, reach_from_role(head, name));
  }

  const std::map<std::string, Reach>& reaches() const { return reaches_; }

  std::optional<std::string> reason(const Change& change, const std::string& role) {
    const Reach& reach = reaches_.at(role);
    switch (change.kind) {
      case ChangeKind::kCookbook:
        if (!reach.reaches_cookbook(change.name)) return std::nullopt;
        return with_chain(change.describe(), reach.chain_to_cookbook(change.name));
      case ChangeKind::kRole:
        if (!reach.reaches_role(change.name)) return std::nullopt;
        return with_chain(change.describe(), reach.chain_to_role(change.name));
      case ChangeKind::kFunctionalSpec:
        if (change.name != role) return std::nullopt;
        return change.describe();
      case ChangeKind::kEveryRole:
        return change.describe() + "; it applies to every role";
      case ChangeKind::kEnvironment:
        return environment_reason(change, reach);
      case ChangeKind::kDataBag:
        return data_bag_reason(change, reach);
      case ChangeKind::kNoted:
        return std::nullopt;
    }
    return std::nullopt;
  }

  const EnvironmentEffect& effect(const std::string& environment) {
    auto it = effects_.find(environment);
    if (it == effects_.end()) {
      it = effects_.emplace(environment, environment_effect(environment, head_, base_)).first;
    }
    return it->second;
  }

  // Why `reach.role` runs in `environment`, or nullopt when nothing says it does.
  std::optional<std::string> runs_in(const Reach& reach, const std::string& environment) const {
    if (head_.harness_environment(reach.role) == environment) {
      return head_.harness_roles.count(reach.role)
                 ? "proofbox.yml converges role " + reach.role + " in it"
                 : "role " + reach.role +
                       " converges in it (not given an environment in "
                       "proofbox.yml)";
    }
    for (const auto& [name, step] : reach.roles) {
      auto role = head_.roles.find(name);
      if (role == head_.roles.end() || !role->second.environments.count(environment)) continue;
      return name == reach.role ? "role " + name + " has an env_run_lists entry for it"
                                : "role " + name + ", nested in role " + reach.role +
                                      ", has an env_run_lists entry for it";
    }
    for (const auto& [node_name, node] : head_.nodes) {
      if (node.environment != environment) continue;
      for (const auto& item : node.run_list) {
        if (!item.is_role()) continue;
        auto nested = reaches_.find(item.name);
        if (item.name == reach.role ||
            (nested != reaches_.end() && nested->second.reaches_role(reach.role))) {
          return "node " + node_name + " in it runs " + item.to_string() +
                 (item.name == reach.role ? "" : ", which nests role " + reach.role);
        }
      }
    }
    auto spec = head_.functional_spec_environments.find(reach.role);
    if (spec != head_.functional_spec_environments.end() && spec->second.count(environment)) {
      return "the functional spec of role " + reach.role + " names it";
    }
    return std::nullopt;
  }

 private:
  std::optional<std::string> environment_reason(const Change& change, const Reach& reach) {
    const EnvironmentEffect& fx = effect(change.name);
    const std::string env = "environment " + change.name;
    for (const auto& [cookbook, pins] : fx.pins) {
      if (!reach.reaches_cookbook(cookbook)) continue;
      return with_chain(env + " changes the pin of cookbook " + cookbook + " (" + pins + ")",
                        reach.chain_to_cookbook(cookbook));
    }
    if (!fx.attributes && fx.existence.empty()) return std::nullopt;
    const std::string what =
        !fx.existence.empty() ? env + " was " + fx.existence : env + " changed its attributes";
    if (auto why = runs_in(reach, change.name)) return what + "; " + *why;
    return std::nullopt;
  }

  const BagReferences& bag_refs(const std::string& cookbook) {
    auto it = bag_refs_.find(cookbook);
    if (it == bag_refs_.end()) {
      auto node = head_.cookbooks.find(cookbook);
      it = bag_refs_
               .emplace(cookbook, node == head_.cookbooks.end()
                                      ? BagReferences{}
                                      : scan_bag_references(node->second.sources))
               .first;
    }
    return it->second;
  }

  std::optional<std::string> data_bag_reason(const Change& change, const Reach& reach) {
    const std::string& bag = change.name;
    // Prefer the clearest evidence: a literal read, then a mention, then a computed read.
    std::optional<std::string> mention, dynamic;
    for (const auto& [cookbook, step] : reach.cookbooks) {
      const BagReferences& refs = bag_refs(cookbook);
      const std::string chain = reach.chain_to_cookbook(cookbook);
      if (auto read = refs.accessed.find(bag); read != refs.accessed.end()) {
        return with_chain(change.describe(), chain) + "; " + read->second.where() +
               " reads data bag " + bag;
      }
      if (auto seen = refs.mentioned.find(bag); seen != refs.mentioned.end() && !mention) {
        mention = with_chain(change.describe(), chain) + "; " + seen->second.where() +
                  " mentions '" + bag + "'";
      }
      if (!refs.dynamic.empty() && !dynamic) {
        dynamic = with_chain(change.describe(), chain) + "; " + refs.dynamic.front().where() +
                  " reads a data bag whose name is computed";
      }
    }
    if (mention) return mention;
    for (const auto& [name, step] : reach.roles) {
      auto role = head_.roles.find(name);
      if (role == head_.roles.end()) continue;
      if (json_holds_string(role->second.default_attributes, bag) ||
          json_holds_string(role->second.override_attributes, bag)) {
        return with_chain(change.describe(), reach.chain_to_role(name)) + "; role " + name +
               "'s attributes name '" + bag + "'";
      }
    }
    return dynamic;
  }

  const RepoGraph& head_;
  const RepoGraph* base_;
  std::map<std::string, Reach> reaches_;
  std::map<std::string, EnvironmentEffect> effects_;
  std::map<std::string, BagReferences> bag_refs_;
};

std::string noted_text(const Change& change) {
  if (change.name == "nodes") {
    return change.describe() + ": no role is converged from nodes/ (unit specs use them)";
  }
  if (change.name == "unit specs") return change.describe() + ": unit specs run for every change";
  return change.describe() + ": affects no role";
}

}  // namespace

std::vector<std::string> Selection::role_names() const {
  std::vector<std::string> names;
  for (const auto& role : roles) names.push_back(role.name);
  return names;
}

Selection select_roles(std::vector<Change> changes, const RepoGraph& head, const RepoGraph* base) {
  Selection selection;
  selection.changes = std::move(changes);
  Selector selector(head, base);
  std::vector<bool> selects(selection.changes.size(), false);
  for (const auto& [role, reach] : selector.reaches()) {
    SelectedRole selected{role, {}};
    for (std::size_t i = 0; i < selection.changes.size(); ++i) {
      if (auto why = selector.reason(selection.changes[i], role)) {
        selected.reasons.push_back(*why);
        selects[i] = true;
      }
    }
    if (!selected.reasons.empty()) selection.roles.push_back(std::move(selected));
  }

  for (const auto& change : selection.changes) {
    switch (change.kind) {
      case ChangeKind::kNoted:
        selection.notes.push_back(noted_text(change));
        break;
      case ChangeKind::kRole:
        if (!head.roles.count(change.name)) {
          selection.notes.push_back(change.describe() + ": role " + change.name +
                                    " no longer exists, nothing to converge for it");
        }
        break;
      case ChangeKind::kFunctionalSpec:
        if (!head.roles.count(change.name)) {
          selection.notes.push_back(change.describe() + ": there is no role " + change.name);
        }
        break;
      case ChangeKind::kEnvironment:
        if (!selector.effect(change.name).any()) {
          selection.notes.push_back(change.describe() +
                                    ": no pin or attribute changed, affects no role");
        }
        break;
      default:
        break;
    }
  }
  for (std::size_t i = 0; i < selection.changes.size(); ++i) {
    const Change& change = selection.changes[i];
    if (selects[i]) continue;
    if (change.kind == ChangeKind::kEnvironment && selector.effect(change.name).any()) {
      selection.notes.push_back(change.describe() +
                                ": no role converges in it (proofbox.yml roles default to "
                                "_default) or reaches a cookbook whose pin moved");
    } else if (change.kind == ChangeKind::kDataBag) {
      selection.notes.push_back(change.describe() + ": no role's cookbooks or attributes name it");
    } else if (change.kind == ChangeKind::kCookbook) {
      selection.notes.push_back(change.describe() + ": no role reaches it");
    }
  }
  return selection;
}

}  // namespace proofbox::specs::gate
