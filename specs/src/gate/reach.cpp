#include "proofbox/specs/gate/reach.hpp"

#include <deque>

namespace proofbox::specs::gate {
namespace {

std::string where(const RunListEdge& edge) {
  return edge.environment.empty() ? "" : " in environment " + edge.environment;
}

}  // namespace

Reach reach_from_role(const RepoGraph& graph, const std::string& start) {
  Reach reach;
  reach.role = start;
  reach.roles[start] = ReachStep{};
  std::deque<std::string> queue{"role:" + start};
  // What proofbox.yml adds to the role's converge run list is reached too.
  if (auto harness = graph.harness_roles.find(start); harness != graph.harness_roles.end()) {
    const std::string via = "proofbox.yml converges role " + start + " with ";
    for (const auto& item : harness->second.run_list) {
      if (item.is_role()) {
        if (reach.roles.count(item.name)) continue;
        reach.roles[item.name] = ReachStep{"role:" + start, via + item.to_string()};
        queue.push_back("role:" + item.name);
      } else {
        const std::string cookbook(item.cookbook());
        if (reach.cookbooks.count(cookbook)) continue;
        reach.cookbooks[cookbook] = ReachStep{"role:" + start, via + item.to_string()};
        queue.push_back("cookbook:" + cookbook);
      }
    }
  }
  while (!queue.empty()) {
    const std::string key = queue.front();
    queue.pop_front();
    const std::string name = key.substr(key.find(':') + 1);
    if (key.rfind("role:", 0) == 0) {
      auto role = graph.roles.find(name);
      if (role == graph.roles.end()) continue;  // deleted or never defined: reached by name only
      for (const auto& edge : role->second.edges) {
        if (edge.item.is_role()) {
          if (reach.roles.count(edge.item.name)) continue;
          reach.roles[edge.item.name] =
              ReachStep{key, "role " + name + " nests " + edge.item.to_string() + where(edge)};
          queue.push_back("role:" + edge.item.name);
        } else {
          const std::string cookbook(edge.item.cookbook());
          if (reach.cookbooks.count(cookbook)) continue;
          reach.cookbooks[cookbook] =
              ReachStep{key, "role " + name + " runs " + edge.item.to_string() + where(edge)};
          queue.push_back("cookbook:" + cookbook);
        }
      }
    } else {
      auto cookbook = graph.cookbooks.find(name);
      if (cookbook == graph.cookbooks.end()) continue;
      for (const auto& dep : cookbook->second.depends) {
        if (reach.cookbooks.count(dep)) continue;
        reach.cookbooks[dep] = ReachStep{key, name + " depends on " + dep};
        queue.push_back("cookbook:" + dep);
      }
    }
  }
  return reach;
}

namespace {

std::string chain(const Reach& reach, std::string key) {
  std::vector<std::string> steps;
  while (!key.empty()) {
    const bool is_role = key.rfind("role:", 0) == 0;
    const std::string name = key.substr(key.find(':') + 1);
    const auto& table = is_role ? reach.roles : reach.cookbooks;
    auto step = table.find(name);
    if (step == table.end() || step->second.text.empty()) break;
    steps.push_back(step->second.text);
    key = step->second.parent;
  }
  std::string text;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (!text.empty()) text += ", ";
    text += *it;
  }
  return text;
}

}  // namespace

std::string Reach::chain_to_role(const std::string& name) const {
  return chain(*this, "role:" + name);
}

std::string Reach::chain_to_cookbook(const std::string& name) const {
  return chain(*this, "cookbook:" + name);
}

}  // namespace proofbox::specs::gate
